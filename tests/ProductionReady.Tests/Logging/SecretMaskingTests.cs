// Tests log the way applications do, including the mistakes (interpolated templates) masking must survive.
#pragma warning disable CA1848, CA1873, CA2254

using System.Text.Json;
using ProductionReady.Logging;

namespace ProductionReady.Tests.Logging;

/// <summary>Secrets never reach the log: by property name, by known value, inside credentials.</summary>
public sealed class SecretMaskingTests
{
    // Built at test time, never committed as one literal.
    private static readonly string Secret = "pr-" + Guid.NewGuid().ToString("N") + "-Zq";

    private static async Task<CapturedLog> StartAsync(IReadOnlyCollection<string>? known = null) =>
        await CapturedLog.StartAsync(knownSecrets: known ?? [Secret]);

    private static ILogger Logger(CapturedLog log) => log.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Masking");

    private static JsonElement Last(CapturedLog log) => log.Events.Last(e => e.GetProperty("SourceContext").GetString() == "Masking");

    [Fact]
    public async Task Properties_whose_names_denote_secrets_are_masked_at_any_depth()
    {
        await using var log = await StartAsync([]);
        var logger = Logger(log);
        logger.LogInformation("Login {User} {Password} {ApiKey} {PasswordMinLength}", "ann", "hunter2-value", "k-123456", 12);
        var login = Last(log);
        Assert.Equal("ann", login.GetProperty("User").GetString());
        Assert.Equal(SecretMasker.Mask, login.GetProperty("Password").GetString());
        Assert.Equal(SecretMasker.Mask, login.GetProperty("ApiKey").GetString());
        Assert.Equal(12, login.GetProperty("PasswordMinLength").GetInt32());

        logger.LogInformation("Login {@Credentials} {Headers}", new { UserName = "ann", ClientSecret = "cs-value-1" }, new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer abc.def.ghi",
            ["Cookie"] = "session=xyz",
            ["Set-Cookie"] = "id=1",
            ["X-Api-Key"] = "key-1",
            ["Accept"] = "text/plain",
        });
        var nested = Last(log);
        Assert.Equal("ann", nested.GetProperty("Credentials").GetProperty("UserName").GetString());
        Assert.Equal(SecretMasker.Mask, nested.GetProperty("Credentials").GetProperty("ClientSecret").GetString());
        var headers = nested.GetProperty("Headers");
        Assert.Equal(SecretMasker.Mask, headers.GetProperty("Authorization").GetString());
        Assert.Equal(SecretMasker.Mask, headers.GetProperty("Cookie").GetString());
        Assert.Equal(SecretMasker.Mask, headers.GetProperty("Set-Cookie").GetString());
        Assert.Equal(SecretMasker.Mask, headers.GetProperty("X-Api-Key").GetString());
        Assert.Equal("text/plain", headers.GetProperty("Accept").GetString());

        using (logger.BeginScope(new Dictionary<string, object> { ["Authorization"] = "Basic dXNlcjpwYXNz" }))
        {
            logger.LogInformation("Scoped");
        }

        Assert.Equal(SecretMasker.Mask, Last(log).GetProperty("Authorization").GetString());
        foreach (var raw in new[] { "hunter2-value", "k-123456", "cs-value-1", "abc.def.ghi", "session=xyz", "key-1", "dXNlcjpwYXNz" })
        {
            Assert.DoesNotContain(raw, log.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Known_secret_values_are_masked_in_messages_properties_and_exceptions()
    {
        await using var log = await StartAsync();
        var logger = Logger(log);

        logger.LogInformation($"Connecting with {Secret} now");
        Assert.Equal("Connecting with *** now", Last(log).GetProperty("@mt").GetString());

        logger.LogInformation("Header was {Value} and {Values}", "Bearer " + Secret, new[] { "ok", Secret + Secret });
        var properties = Last(log);
        Assert.Equal("Bearer ***", properties.GetProperty("Value").GetString());
        Assert.Equal("******", properties.GetProperty("Values")[1].GetString());

        var inner = new InvalidOperationException("token " + Secret + " rejected");
        logger.LogError(new AggregateException("outer", new TimeoutException("t"), inner), "Call failed");
        var failed = Last(log);
        Assert.Contains("token *** rejected", failed.GetProperty("@x").GetString(), StringComparison.Ordinal);
        Assert.Contains("System.AggregateException: outer", failed.GetProperty("@x").GetString(), StringComparison.Ordinal);

        Assert.DoesNotContain(Secret, log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_learned_after_startup_are_masked_too()
    {
        var known = new List<string>();
        await using var log = await StartAsync(known);
        var logger = Logger(log);
        logger.LogInformation("Before {Value}", "plain");
        known.Add(Secret);
        logger.LogInformation("After {Value}", "x" + Secret + "y");
        Assert.Equal("x***y", Last(log).GetProperty("Value").GetString());
    }

    [Fact]
    public async Task Passwords_inside_connection_strings_and_uris_are_masked_even_when_unknown()
    {
        await using var log = await StartAsync([]);
        var logger = Logger(log);
        var password = "pw" + Guid.NewGuid().ToString("N")[..10];
        logger.LogInformation("Using {Target} and {Broker}", $"Host=db;Username=app;Password={password};Database=orders", new Uri($"amqp://app:{password}@rabbit:5672/vhost"));
        var line = Last(log);
        Assert.Equal("Host=db;Username=app;Password=***;Database=orders", line.GetProperty("Target").GetString());
        Assert.Equal("amqp://app:***@rabbit:5672/vhost", line.GetProperty("Broker").GetString());
        Assert.DoesNotContain(password, log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Very_short_known_values_are_not_masked_because_they_would_erase_ordinary_text()
    {
        var masker = new SecretMasker(new CapturedLog.KnownSecrets(["abc", Secret]));
        Assert.Equal("abc ***", masker.MaskText("abc " + Secret));
        var clean = "nothing to see";
        Assert.Same(clean, masker.MaskText(clean));
    }
}
