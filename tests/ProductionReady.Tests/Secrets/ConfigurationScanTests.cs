using Microsoft.Extensions.Configuration;
using ProductionReady.Secrets;

namespace ProductionReady.Tests.Secrets;

public sealed class ConfigurationScanTests
{
    private static List<SecretProblem> Scan(Dictionary<string, string?> values, bool production = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var problems = new List<SecretProblem>();
        ConfigurationSecretScanner.Scan(configuration, production, problems);
        return problems;
    }

    [Theory]
    [InlineData("pg")]
    [InlineData("sql")]
    [InlineData("uri")]
    [InlineData("redis")]
    public void Weak_connection_string_passwords_fail_in_every_form(string form)
    {
        foreach (var weak in new[] { "postgres", "Password1!", "admin123", "changeme" })
        {
            var connectionString = Form(form, "orders_app", weak);
            var problems = Scan(new() { ["ConnectionStrings:Orders"] = connectionString });
            var problem = Assert.Single(problems);
            Assert.Equal("ConnectionStrings:Orders", problem.Key);
            Assert.Equal(SecretRule.KnownWeakValue, problem.Rule);
            Assert.Equal(weak.Length, problem.Length);
            Assert.Contains("connection string", problem.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("pg")]
    [InlineData("sql")]
    [InlineData("uri")]
    [InlineData("redis")]
    public void A_password_equal_to_the_user_name_fails_in_every_form(string form)
    {
        var problem = Assert.Single(Scan(new() { ["Db"] = Form(form, "orders_app_2024", "orders_app_2024") }));
        Assert.Equal(SecretRule.EqualsUserName, problem.Rule);
    }

    [Theory]
    [InlineData("pg")]
    [InlineData("sql")]
    [InlineData("uri")]
    [InlineData("redis")]
    public void Strong_connection_string_passwords_pass_in_every_form(string form)
    {
        for (var i = 0; i < 50; i++)
        {
            // URI user info must be escaped, and StackExchange.Redis splits on commas; a hex password needs neither.
            var password = form is "uri" or "redis" ? Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)) : TestSecrets.StrongPassword();
            Assert.Empty(Scan(new() { ["ConnectionStrings:Orders"] = Form(form, "orders_app", password) }));
        }
    }

    [Fact]
    public void Connection_strings_without_a_password_are_fine()
    {
        Assert.Empty(Scan(new() { ["ConnectionStrings:Orders"] = "Server=sql;Database=orders;Integrated Security=true" }));
        Assert.Empty(Scan(new() { ["ConnectionStrings:Redis"] = "redis.internal:6379,ssl=true,abortConnect=false" }));
    }

    [Theory]
    [InlineData("localhost:6379,password=")]
    [InlineData("a sentence, with password=words in it")]
    [InlineData("x=1,password=")]
    public void Comma_separated_text_that_is_not_a_Redis_configuration_holds_no_password(string text)
    {
        Assert.Null(ProductionReady.Detection.CredentialLocator.FindPassword(text));
    }

    [Fact]
    public void A_Redis_configuration_password_is_known_so_that_it_is_masked()
    {
        var password = TestSecrets.StrongPassword().Replace(",", string.Empty, StringComparison.Ordinal);
        var seen = new List<string>();
        ConfigurationSecretScanner.CheckSecret("ConnectionStrings:Redis", $"cache-0:6380,cache-1:6380,password={password},ssl=true", null, seen.Add);
        Assert.Equal([password], seen);
    }

    [Fact]
    public void Keys_that_name_secrets_are_judged_by_name_and_others_are_not()
    {
        var problems = Scan(new()
        {
            ["Jwt:SigningKey"] = "changeme",
            ["Smtp:Password"] = "short-pw",
            ["Payments:ApiKey"] = "${PAYMENTS_API_KEY}",
            ["Auth:ClientSecret"] = "aaaaaaaaaaaaaaaaaaaaaaaa",
            ["Identity:Password:RequiredLength"] = "8",
            ["Jwt:ValidateIssuerSigningKey"] = "true",
            ["Cache:Key"] = "admin",
            ["Greeting"] = "changeme",
        });

        Assert.Equal(
            [("Auth:ClientSecret", SecretRule.LowEntropy), ("Jwt:SigningKey", SecretRule.KnownWeakValue), ("Payments:ApiKey", SecretRule.Placeholder), ("Smtp:Password", SecretRule.TooShort)],
            problems.Select(p => (p.Key, p.Rule)).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Production_rules_apply_only_when_asked()
    {
        var values = new Dictionary<string, string?>
        {
            ["Stripe:SecretKey"] = TestSecrets.StripeTestKey(),
            ["Stripe:PublishableKey"] = TestSecrets.PublishableTestKey(),
            ["Authentication:Schemes:Bearer:Authority"] = "http://identity.internal",
            ["Jwt:Issuer"] = "http://issuer.internal",
            ["Oidc:CallbackUrl"] = "http://app.internal/signin-oidc",
            ["Oidc:RequireHttpsMetadata"] = "false",
            ["DetailedErrors"] = "true",
            ["Database:EnableSensitiveDataLogging"] = "True",
            ["Links:Docs"] = "http://docs.internal",
        };

        var production = Scan(values, production: true);
        Assert.Contains(production, p => p.Key == "Stripe:SecretKey" && p.Rule == SecretRule.TestModeKey);
        Assert.Contains(production, p => p.Key == "Stripe:PublishableKey" && p.Rule == SecretRule.TestModeKey);
        Assert.Contains(production, p => p.Key == "Authentication:Schemes:Bearer:Authority" && p.Rule == SecretRule.InsecureUrl);
        Assert.Contains(production, p => p.Key == "Jwt:Issuer" && p.Rule == SecretRule.InsecureUrl);
        Assert.Contains(production, p => p.Key == "Oidc:CallbackUrl" && p.Rule == SecretRule.InsecureUrl);
        Assert.Contains(production, p => p.Key == "Oidc:RequireHttpsMetadata" && p.Rule == SecretRule.InsecureUrl);
        Assert.Contains(production, p => p.Key == "DetailedErrors" && p.Rule == SecretRule.DebugSwitch);
        Assert.Contains(production, p => p.Key == "Database:EnableSensitiveDataLogging" && p.Rule == SecretRule.DebugSwitch);
        Assert.DoesNotContain(production, p => p.Key == "Links:Docs");

        Assert.DoesNotContain(Scan(values, production: false), p => p.Rule is SecretRule.TestModeKey or SecretRule.InsecureUrl or SecretRule.DebugSwitch);
    }

    [Fact]
    public void Array_entries_are_judged_by_the_name_of_their_array()
    {
        var problems = Scan(new()
        {
            ["Jwt:SigningKeys:0"] = TestSecrets.StrongKey(),
            ["Jwt:SigningKeys:1"] = "changeme",
            ["Jwt:ValidIssuers:0"] = "https://issuer.example.com",
            ["Jwt:ValidIssuers:1"] = "http://issuer.internal",
            ["Tags:0"] = "changeme",
        });

        Assert.Equal(
            [("Jwt:SigningKeys:1", SecretRule.KnownWeakValue), ("Jwt:ValidIssuers:1", SecretRule.InsecureUrl)],
            problems.Select(p => (p.Key, p.Rule)).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("Jwt:SigningKeys:0", "Jwt:SigningKeys")]
    [InlineData("A:0:1", "A")]
    [InlineData("Password", "Password")]
    [InlineData("Keys:0:Secret", "Keys:0:Secret")]
    public void Names_drop_trailing_array_indexes(string key, string name) => Assert.Equal(name, ConfigurationSecretScanner.NameOf(key));

    [Fact]
    public void The_shell_working_directory_variables_are_not_passwords()
    {
        Assert.Empty(Scan(new() { ["PWD"] = "/srv/app", ["OLDPWD"] = "/root" }));
    }

    internal static string Form(string form, string user, string password) => form switch
    {
        "pg" => TestSecrets.Postgres(user, password),
        "sql" => TestSecrets.SqlServer(user, password),

        // StackExchange.Redis's own form, as the README's Redis recipe writes it.
        "redis" => $"redis.internal:6379,user={user},password={password},ssl=true,abortConnect=false",
        _ => TestSecrets.Uri("postgres", user, Uri.EscapeDataString(password)),
    };
}
