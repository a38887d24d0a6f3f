using Microsoft.Extensions.Options;
using ProductionReady.Common;

namespace ProductionReady.Tests.Secrets;

public sealed class SecretValidationHostTests
{
    /// <summary>One bad configuration per rule: the config, the key and rule it must produce, the value that must never show.</summary>
    public sealed record BadCase(Dictionary<string, string?> Config, string Key, SecretRule Rule, string? Value, bool ProductionOnly = false, Action<ProductionReadySecretsOptions>? Configure = null);

    private static readonly Dictionary<string, Func<BadCase>> Cases = new()
    {
        ["known-weak-value"] = () => Secret("Jwt:SigningKey", "changeme" + "123", SecretRule.KnownWeakValue),
        ["placeholder"] = () => Secret("Payments:ApiKey", "${PAYMENTS" + "_API_KEY}", SecretRule.Placeholder),
        ["low-entropy"] = () => Secret("Auth:ClientSecret", new string('z', 24), SecretRule.LowEntropy),
        ["too-short"] = () => Secret("Smtp:Password", "Xk3#p9" + "Lm", SecretRule.TooShort),
        ["equals-user-name"] = () => Secret("ConnectionStrings:Orders", TestSecrets.Postgres("orders_svc_01", "orders_svc_01"), SecretRule.EqualsUserName),
        ["weak-connection-string"] = () => Secret("ConnectionStrings:Orders", TestSecrets.SqlServer("app", "post" + "gres"), SecretRule.KnownWeakValue),
        ["weak-uri-password"] = () => Secret("Redis:Url", TestSecrets.Uri("redis", "default", "admin" + "123"), SecretRule.KnownWeakValue),
        ["missing"] = () => new BadCase(new(), "Jwt:SigningKey", SecretRule.Missing, null, Configure: o => o.RequireSecret("Jwt:SigningKey")),
        ["test-mode-key"] = () => Secret("Stripe:SecretKey", TestSecrets.StripeTestKey(), SecretRule.TestModeKey, productionOnly: true),
        ["insecure-url"] = () => Secret("Authentication:Schemes:Bearer:Authority", "http://identity.internal", SecretRule.InsecureUrl, productionOnly: true),
        ["debug-switch"] = () => Secret("DetailedErrors", "true", SecretRule.DebugSwitch, productionOnly: true),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    private static BadCase Secret(string key, string value, SecretRule rule, bool productionOnly = false) =>
        new(new() { [key] = value }, key, rule, value, productionOnly);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Production_does_not_start_and_reports_the_key_the_rule_and_what_to_do(string name)
    {
        var bad = Cases[name]();
        await using var host = SecretTestHost.Create("Production", bad.Config, bad.Configure);

        var error = await host.StartAsync();

        var failure = Assert.IsType<SecretValidationException>(error);
        Assert.Equal(1, failure.ProblemCount);
        Assert.Same(failure, host.BuildFailure); // refused inside builder.Build(), before any of the app's code after it
        Assert.False(host.Server.Started, "the server must never start");
        var report = host.Stderr.ToString();
        Assert.Contains($"{bad.Key} [{RuleName(bad.Rule)}]", report, StringComparison.Ordinal);
        Assert.Contains("What to do:", report, StringComparison.Ordinal);
        var logged = Assert.Single(host.SecretEvents);
        Assert.Equal(LogLevel.Critical, logged.Level);
        Assert.Equal(3001, logged.EventId.Id);
        Assert.Contains($"{bad.Key} [{RuleName(bad.Rule)}]", logged.Message, StringComparison.Ordinal);
        AssertNeverShown(bad, host.AllOutput + failure.Message);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Development_starts_with_the_same_report_as_one_warning(string name)
    {
        var bad = Cases[name]();
        await using var host = SecretTestHost.Create("Development", bad.Config, bad.Configure);

        Assert.Null(await host.StartAsync());

        Assert.True(host.Server.Started);
        Assert.Empty(host.Stderr.ToString());
        if (bad.ProductionOnly)
        {
            // Test-mode keys, http:// authorities and debug switches are normal in Development.
            Assert.DoesNotContain(host.SecretEvents, e => e.Level >= LogLevel.Warning);
        }
        else
        {
            var warning = Assert.Single(host.SecretEvents, e => e.Level >= LogLevel.Warning);
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Equal(3002, warning.EventId.Id);
            Assert.Contains($"{bad.Key} [{RuleName(bad.Rule)}]", warning.Message, StringComparison.Ordinal);
            Assert.Contains("What to do:", warning.Message, StringComparison.Ordinal);
        }

        AssertNeverShown(bad, host.AllOutput);
    }

    [Fact]
    public async Task One_report_lists_every_problem_at_once()
    {
        var config = new Dictionary<string, string?>();
        foreach (var make in Cases.Values)
        {
            foreach (var (key, value) in make().Config)
            {
                config[key + (config.ContainsKey(key) ? "2" : string.Empty)] = value;
            }
        }

        await using var host = SecretTestHost.Create("Production", config, o => o.RequireSecret("Jwt:EncryptionKey"));
        var error = Assert.IsType<SecretValidationException>(await host.StartAsync());

        Assert.Equal(Cases.Count, error.ProblemCount);
        var report = host.Stderr.ToString();
        foreach (var rule in Enum.GetValues<SecretRule>())
        {
            Assert.Contains($"[{RuleName(rule)}]", report, StringComparison.Ordinal);
        }

        Assert.Single(host.SecretEvents);
    }

    [Fact]
    public async Task A_clean_configuration_starts_in_production()
    {
        await using var host = SecretTestHost.Create(
            "Production",
            new Dictionary<string, string?>
            {
                ["Jwt:SigningKey"] = TestSecrets.StrongKey(),
                ["ConnectionStrings:Orders"] = TestSecrets.Postgres("orders_app", TestSecrets.StrongPassword()),
                ["Authentication:Schemes:Bearer:Authority"] = "https://identity.example.com",
                ["DetailedErrors"] = "false",
            },
            o => o.RequireSecret("Jwt:SigningKey"));

        Assert.Null(await host.StartAsync());
        Assert.True(host.Server.Started);
        Assert.DoesNotContain(host.SecretEvents, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_rule_switched_off_for_one_key_with_a_reason_is_listed_as_suppressed()
    {
        var config = new Dictionary<string, string?>
        {
            ["Stripe:PublishableKey"] = TestSecrets.PublishableTestKey(),
            ["Legacy:Password"] = "Xk3#p9" + "Lm",
            ["ProductionReady:Secrets:Suppressions:0:Key"] = "Legacy__Password",
            ["ProductionReady:Secrets:Suppressions:0:Rule"] = "TooShort",
            ["ProductionReady:Secrets:Suppressions:0:Reason"] = "vendor appliance accepts 8 characters at most",
        };
        await using var host = SecretTestHost.Create("Production", config, o => o.Suppress("Stripe:PublishableKey", SecretRule.TestModeKey, "the staging storefront runs as Production"));

        Assert.Null(await host.StartAsync());
        var validator = host.App.Services.GetRequiredService<ProductionReady.Secrets.SecretValidator>();
        var report = validator.Validate();
        Assert.True(report.IsClean);
        Assert.Equal(2, report.Suppressed.Count);
        Assert.Contains("because: vendor appliance accepts 8 characters at most", report.ToText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("known-weak-value")]
    [InlineData("KnownWeakValue")]
    [InlineData("Known-Weak-Value")]
    public async Task A_suppression_names_its_rule_as_the_report_prints_it_or_as_the_enum(string rule)
    {
        var config = new Dictionary<string, string?>
        {
            ["Legacy:Password"] = "change" + "me",
            ["ProductionReady:Secrets:Suppressions:0:Key"] = "Legacy:Password",
            ["ProductionReady:Secrets:Suppressions:0:Rule"] = rule,
            ["ProductionReady:Secrets:Suppressions:0:Reason"] = "the vendor appliance ships it and is on an isolated network",
        };
        await using var host = SecretTestHost.Create("Production", config);

        Assert.Null(await host.StartAsync());
        var report = host.App.Services.GetRequiredService<ProductionReady.Secrets.SecretValidator>().Validate();
        Assert.True(report.IsClean, report.ToText());
        Assert.Equal(SecretRule.KnownWeakValue, Assert.Single(report.Suppressed).Rule);
    }

    [Fact]
    public void A_suppression_naming_no_rule_is_refused_with_the_names_the_report_prints()
    {
        var config = new Dictionary<string, string?>
        {
            ["ProductionReady:Secrets:Suppressions:0:Key"] = "Legacy:Password",
            ["ProductionReady:Secrets:Suppressions:0:Rule"] = "known-weak",
            ["ProductionReady:Secrets:Suppressions:0:Reason"] = "a reason",
        };
        var error = Assert.Throws<ProductionReadyConfigurationException>(() => SecretTestHost.Create("Development", config));
        var problem = Assert.Single(error.Problems, p => p.Contains("Suppressions:0:Rule", StringComparison.Ordinal));
        Assert.Contains("known-weak-value", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suppression_without_a_reason_fails_start_in_every_environment()
    {
        var config = new Dictionary<string, string?>
        {
            ["ProductionReady:Secrets:Suppressions:0:Key"] = "Legacy:Password",
            ["ProductionReady:Secrets:Suppressions:0:Rule"] = "TooShort",
        };
        // Refused when the container is built, with the full key, before anything starts.
        var error = Assert.Throws<ProductionReadyConfigurationException>(() => SecretTestHost.Create("Development", config));
        Assert.Contains("ProductionReady:Secrets:Suppressions:0:Reason", error.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_failing_environments_are_configurable()
    {
        var config = new Dictionary<string, string?> { ["Jwt:SigningKey"] = "secret" + "123", ["ProductionReady:Secrets:FailInEnvironments:0"] = "Staging" };

        await using (var staging = SecretTestHost.Create("Staging", config))
        {
            Assert.IsType<SecretValidationException>(await staging.StartAsync());
        }

        await using var production = SecretTestHost.Create("Production", config);
        Assert.Null(await production.StartAsync());
        Assert.Single(production.SecretEvents, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Validation_can_be_switched_off()
    {
        await using var host = SecretTestHost.Create("Production", new Dictionary<string, string?> { ["Jwt:SigningKey"] = "changeme", ["ProductionReady:Secrets:Enabled"] = "false" });
        Assert.Null(await host.StartAsync());
        Assert.Empty(host.SecretEvents);
    }

    [Fact]
    public async Task Switched_off_the_attribute_still_validates_on_its_own()
    {
        var error = Assert.Throws<ProductionReadyConfigurationException>(() => SecretTestHost.Create(
            "Development",
            new Dictionary<string, string?> { ["ProductionReady:Secrets:Enabled"] = "false", ["Payments:ApiKey"] = "changeme", ["Payments:WebhookPassword"] = TestSecrets.StrongPassword() },
            after: b => b.Services.AddOptions<PaymentOptions>().BindConfiguration("Payments").ValidateDataAnnotations().ValidateOnStart()));
        Assert.Contains("ApiKey [known-weak-value]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_options_join_the_report_in_production_instead_of_failing_on_their_own()
    {
        var weak = "letmein" + "2024";
        await using var host = SecretTestHost.Create(
            "Production",
            new Dictionary<string, string?> { ["Payments:ApiKey"] = weak, ["Payments:WebhookPassword"] = TestSecrets.StrongPassword() },
            after: b => b.Services.AddOptions<PaymentOptions>().BindConfiguration("Payments").ValidateDataAnnotations().ValidateOnStart());

        var error = Assert.IsType<SecretValidationException>(await host.StartAsync());
        Assert.Equal(1, error.ProblemCount);
        Assert.Contains("Payments:ApiKey [known-weak-value]", host.Stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(weak, host.AllOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Secret_options_are_a_warning_in_development_through_the_source_generated_validator_too()
    {
        await using var host = SecretTestHost.Create(
            "Development",
            new Dictionary<string, string?> { ["Payments:ApiKey"] = "<api-key>" },
            after: b =>
            {
                b.Services.AddOptions<PaymentOptions>().BindConfiguration("Payments").ValidateOnStart();
                b.Services.AddSingleton<IValidateOptions<PaymentOptions>, PaymentOptionsValidator>();
            });

        Assert.Null(await host.StartAsync());
        var warning = Assert.Single(host.SecretEvents, e => e.Level == LogLevel.Warning);
        Assert.Contains("Payments:ApiKey [placeholder]", warning.Message, StringComparison.Ordinal);
        Assert.Contains("PaymentOptions:WebhookPassword [missing]", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_options_created_after_start_fail_in_production()
    {
        // Set in code, not configuration: the configuration scan cannot see it, only the options can.
        await using var host = SecretTestHost.Create(
            "Production",
            new Dictionary<string, string?>(),
            after: b => b.Services.AddOptions<PaymentOptions>().Configure(o => { o.ApiKey = "admin" + "admin"; o.WebhookPassword = TestSecrets.StrongPassword(); }).ValidateDataAnnotations());

        Assert.Null(await host.StartAsync());
        var error = Assert.Throws<OptionsValidationException>(() => host.App.Services.GetRequiredService<IOptions<PaymentOptions>>().Value);
        Assert.Contains("PaymentOptions:ApiKey [known-weak-value]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secret_values_seen_are_known_for_masking()
    {
        var key = TestSecrets.StrongKey();
        var password = TestSecrets.StrongPassword();
        var apiKey = TestSecrets.StrongKey();
        await using var host = SecretTestHost.Create(
            "Development",
            new Dictionary<string, string?>
            {
                ["Jwt:SigningKey"] = key,
                ["ConnectionStrings:Orders"] = TestSecrets.Postgres("orders_app", password),
                ["Vendor:Settings:Credential"] = apiKey,
                ["Payments:WebhookPassword"] = TestSecrets.StrongPassword(),
                ["Greeting"] = "hello world",
                ["Short:Pwd"] = "abc",
            },
            after: b => b.Services.AddOptions<PaymentOptions>().Configure(o => o.ApiKey = apiKey).BindConfiguration("Payments").ValidateOnStart());

        Assert.Null(await host.StartAsync());
        var known = host.App.Services.GetRequiredService<IKnownSecretValues>().Values;
        Assert.Contains(key, known);
        Assert.Contains(password, known);
        Assert.Contains(apiKey, known);
        Assert.DoesNotContain("hello world", known);
        Assert.DoesNotContain("abc", known);
    }

    private static void AssertNeverShown(BadCase bad, string output)
    {
        if (bad.Value is null)
        {
            return;
        }

        // The secret itself (for connection strings: the password inside) never shows.
        var secret = ProductionReady.Detection.CredentialLocator.FindPassword(bad.Value) is { } span ? span.ValueIn(bad.Value) : bad.Value;
        if (bad.Rule is SecretRule.InsecureUrl or SecretRule.DebugSwitch)
        {
            return;
        }

        Assert.DoesNotContain(secret, output, StringComparison.OrdinalIgnoreCase);
    }

    private static string RuleName(SecretRule rule) => ProductionReady.Secrets.SecretRuleNames.Of(rule);
}
