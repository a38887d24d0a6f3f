// Tests log the way applications do, including the mistakes (concatenated text) masking must survive.
#pragma warning disable CA1848, CA1873, CA2254

using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry.Logs;
using ProductionReady.Logging;

namespace ProductionReady.Tests.Logging;

/// <summary>
/// Secrets are masked once, before the providers: a provider the app adds (OpenTelemetry, a fake standing in for
/// Application Insights) is handed the masked event, in its structured values, its template, its rendered message,
/// its exception and its scopes, exactly as our own stdout is.
/// </summary>
public sealed class ProviderMaskingTests
{
    // Built at test time from pieces, never committed as one literal.
    private static readonly string DatabasePassword = "db-" + Guid.NewGuid().ToString("N")[..12] + "-Pw";
    private static readonly string ApiKey = "ak-" + Guid.NewGuid().ToString("N") + "-Key";
    private static readonly string AnyPassword = "pw-" + Guid.NewGuid().ToString("N")[..10];
    private static readonly string GitHubToken = ProductionReady.TestSupport.TokenFormatSamples.WithBase62Checksum("gh" + "p_", new string('a', 12) + "B" + Guid.NewGuid().ToString("N")[..17]);

    private static string ConnectionString(string password) => $"Host=db.internal;Username=orders;Password={password};Database=orders";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_provider_the_app_adds_before_or_after_gets_every_form_of_the_event_masked(bool before)
    {
        var exported = new List<LogRecord>();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Payments:ApiKey"] = ApiKey;
        builder.Services.AddSingleton(LogDestination.To(new StringWriter()));
        if (before)
        {
            AddAppsProviders(builder, exported);
        }

        builder.AddProductionReadyLogging();
        builder.AddProductionReadySecrets();
        if (!before)
        {
            AddAppsProviders(builder, exported);
        }

        await using var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILogger<ProviderMaskingTests>>();
        LogEveryForm(logger);
        app.Services.GetRequiredService<LoggerProvider>().ForceFlush();

        var fake = app.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Equal(8, fake.Count(r => r.Category == typeof(ProviderMaskingTests).FullName));
        foreach (var record in fake)
        {
            AssertClean(record.Message);
            AssertClean(record.Exception?.Message);
            AssertClean(record.Exception?.ToString());
            AssertClean(string.Join('|', record.StructuredState?.Select(p => p.Key + "=" + p.Value) ?? []));
            AssertClean(string.Join('|', record.Scopes.Select(s => s?.ToString())));
        }

        List<LogRecord> records;
        lock (exported)
        {
            records = [.. exported];
        }

        Assert.Equal(8, records.Count(r => r.CategoryName == typeof(ProviderMaskingTests).FullName));
        foreach (var record in records)
        {
            AssertClean(record.Body);
            AssertClean(record.FormattedMessage);
            AssertClean(record.Exception?.Message);
            AssertClean(record.Exception?.ToString());
            AssertClean(string.Join('|', record.Attributes?.Select(a => a.Key + "=" + a.Value) ?? []));
            var scopes = new List<string>();
            record.ForEachScope(
                static (scope, list) =>
                {
                    foreach (var item in scope)
                    {
                        list.Add(item.Key + "=" + item.Value);
                    }
                },
                scopes);
            AssertClean(string.Join('|', scopes));
        }

        // Masked, not dropped: the events still say what happened.
        var connecting = Assert.Single(records, r => r.Body == "connecting with {Conn}");
        Assert.Contains(connecting.Attributes!, a => a.Key == "Conn" && (string?)a.Value == ConnectionString(SecretMasker.Mask));
        Assert.Equal("connecting with " + ConnectionString(SecretMasker.Mask), connecting.FormattedMessage);
        Assert.Single(records, r => r.Body == "connecting with " + ConnectionString(SecretMasker.Mask));
        Assert.Single(fake, r => r.Message == "calling payments with key " + SecretMasker.Mask);
    }

    [Fact]
    public void A_clean_event_reaches_the_provider_as_the_very_state_that_was_logged()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Services.AddSingleton(LogDestination.To(new StringWriter()));
        var seen = new StateCapturingProvider();
        builder.Logging.AddProvider(seen);
        builder.AddProductionReadyLogging();
        using var host = builder.Build();

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders");
        logger.LogInformation("Loaded order {OrderId} for {Customer}", 42, "ann");

        var state = Assert.Single(seen.States);
        Assert.Equal("Microsoft.Extensions.Logging.FormattedLogValues", state.GetType().FullName);
    }

    [Fact]
    public void A_logger_factory_the_app_registers_after_us_is_decorated_when_the_container_is_built()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Services.AddSingleton(LogDestination.To(new StringWriter()));
        builder.AddProductionReadyLogging();
        builder.Services.AddSingleton<ILoggerFactory>(sp => new LoggerFactory(sp.GetServices<ILoggerProvider>()));
        builder.Logging.AddFakeLogging();
        using var app = builder.Build();

        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Db").LogWarning("connecting with " + ConnectionString(DatabasePassword));

        var record = Assert.Single(app.Services.GetFakeLogCollector().GetSnapshot(), r => r.Category == "Db");
        Assert.Equal("connecting with " + ConnectionString(SecretMasker.Mask), record.Message);
    }

    private static void AddAppsProviders(WebApplicationBuilder builder, List<LogRecord> exported)
    {
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
            o.AddInMemoryExporter(exported);
        });
        builder.Logging.AddFakeLogging();
    }

    private static void LogEveryForm(ILogger logger)
    {
        // 1. A connection string as a template argument, and 2. the same concatenated into the text.
        logger.LogInformation("connecting with {Conn}", ConnectionString(DatabasePassword));
        logger.LogInformation("connecting with " + ConnectionString(DatabasePassword));

        // 3. A configured secret (found by the secret validation) inside the text, 4. under a secret's name.
        logger.LogWarning("calling payments with key " + ApiKey);
        logger.LogInformation("login for {User} with {Password}", "ann", AnyPassword);

        // 5. A credential in its public format, known to nobody; 6. an object whose text names a secret member.
        logger.LogInformation("token {Value} received", GitHubToken);
        logger.LogInformation("settings {Settings}", new { Region = "eu", ClientSecret = AnyPassword });

        // 7. An exception whose message holds the connection string; 8. a scope with a secret.
        logger.LogError(new InvalidOperationException("cannot open " + ConnectionString(DatabasePassword)), "opening failed");
        using (logger.BeginScope(new Dictionary<string, object?> { ["Authorization"] = "Bearer " + ApiKey, ["Tenant"] = "t1" }))
        {
            logger.LogInformation("scoped call to {Url}", "https://orders:" + AnyPassword + "@api.example.test/v1");
        }
    }

    private static void AssertClean(string? text)
    {
        if (text is null)
        {
            return;
        }

        foreach (var secret in new[] { DatabasePassword, ApiKey, AnyPassword, GitHubToken })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    /// <summary>Keeps the state objects it is handed, as a provider would see them.</summary>
    private sealed class StateCapturingProvider : ILoggerProvider
    {
        public List<object> States { get; } = [];

        public ILogger CreateLogger(string categoryName) => new StateLogger(this);

        public void Dispose()
        {
        }

        private sealed class StateLogger(StateCapturingProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (state is not null)
                {
                    owner.States.Add(state);
                }
            }
        }
    }
}
