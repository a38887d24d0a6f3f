using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using ProductionReady.IntegrationTests.Health;
using ProductionReady.IntegrationTests.Infrastructure;
using ProductionReady.IntegrationTests.Metrics;

namespace ProductionReady.IntegrationTests.SecurityEvents;

/// <summary>
/// Security events (OWASP ASVS 16.3) on real processes: failed logins and a refused CORS preflight in the sample
/// (counted on <c>/metrics</c>, one summary event per client and window on stdout), and ASP.NET Core's own
/// authentication and authorization meters collected next to ours on real Kestrel.
/// </summary>
public sealed partial class SecurityEventsTests
{
    private const int FailedLogins = 4;

    [Fact]
    public async Task Failed_logins_are_counted_and_summarised_once_per_client_and_window()
    {
        await using var sample = SampleMetrics.StartInProduction(new()
        {
            ["ProductionReady__SecurityEvents__SummaryWindow"] = "00:00:05",
            ["ProductionReady__Cors__AllowedOrigins__0"] = "https://app.example.com",
        });
        await sample.WaitUntilReadyAsync();
        using var client = new HttpClient { BaseAddress = sample.BaseAddress };
        for (var i = 0; i < FailedLogins; i++)
        {
            using var login = await client.PostAsync(new Uri("/auth/login", UriKind.Relative), content: null);
            Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        }

        using (var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/auth/login", UriKind.Relative)))
        {
            preflight.Headers.Add("Origin", "https://evil.example");
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            using var refused = await client.SendAsync(preflight);
            Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        }

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(FailedLogins, CounterValue(metrics, "authentication_failed"));
        Assert.Equal(1, CounterValue(metrics, "cors_preflight_refused"));

        // One summary event for the client and window, with the count (a window boundary may split it in two).
        await sample.WaitForLineAsync(l => IsSummary(l, "authentication_failed") && l.Contains("\"Client\":\"ip:127.0.0.1\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        List<string> summaries;
        while ((summaries = sample.StdoutLines.Where(l => IsSummary(l, "authentication_failed")).ToList()).Sum(Count) < FailedLogins)
        {
            Assert.True(DateTime.UtcNow < deadline, "the summaries do not add up:\n" + sample.Stdout);
            await Task.Delay(25);
        }

        Assert.True(summaries.Count <= 2, $"one event per window expected, got {summaries.Count}:\n{string.Join('\n', summaries)}");
        Assert.Equal(FailedLogins, summaries.Sum(Count));
        await sample.WaitForLineAsync(l => IsSummary(l, "cors_preflight_refused"), TimeSpan.FromSeconds(30));

        static bool IsSummary(string line, string securityEvent) =>
            line.Contains("\"SecurityEventsSummary\"", StringComparison.Ordinal) && line.Contains($"\"SecurityEvent\":\"{securityEvent}\"", StringComparison.Ordinal);

        static long Count(string line)
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.GetProperty("Count").GetInt64();
        }
    }

    [Fact]
    public async Task Authentication_and_authorization_failures_reach_the_framework_meters_and_ours()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ProductionReady:SecurityEvents:SummaryWindow"] = "00:00:05" });
        var events = new ConcurrentQueue<(string Name, string Message)>();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new EventCapture(events));
        builder.AddProductionReadyMetrics();
        builder.AddProductionReadySecurityEvents();

        // The Prometheus exporter for this app only (the package registers itself process-wide in a real app).
        var exporter = new PrometheusForThisApp();
        builder.Services.AddSingleton<IMetricsEndpointExporter>(exporter);
        builder.Services.AddOpenTelemetry().WithMetrics(exporter.AddReader);
        builder.Services.AddAuthentication(KeyHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, KeyHandler>(KeyHandler.SchemeName, null);
        builder.Services.AddAuthorization(o => o.AddPolicy("admins", p => p.RequireAuthenticatedUser().RequireRole("admin")));

        await using var app = builder.Build();
        app.UseProductionReadySecurityEvents();
        app.UseProductionReadyMetrics();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/admin", () => "secret things").RequireAuthorization("admins");
        await app.StartAsync();

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var i = 0; i < FailedLogins; i++)
        {
            using var anonymous = await client.GetAsync(new Uri("/admin", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var mallory = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin", UriKind.Relative)))
        {
            mallory.Headers.Authorization = new AuthenticationHeaderValue(KeyHandler.SchemeName, "mallory");
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(mallory)).StatusCode);
        }

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(FailedLogins, CounterValue(metrics, "authentication_failed"));
        Assert.Equal(1, CounterValue(metrics, "authorization_failed"));
        Assert.Contains("aspnetcore_authentication_challenges", metrics, StringComparison.Ordinal);
        Assert.Contains("aspnetcore_authentication_forbids", metrics, StringComparison.Ordinal);
        Assert.Contains("aspnetcore_authorization_attempts", metrics, StringComparison.Ordinal);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!events.Any(e => e.Name == "SecurityEventsSummary" && e.Message.Contains("authorization_failed: 1 from user:mallory", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "no summary for mallory:\n" + string.Join('\n', events.Select(e => e.Message)));
            await Task.Delay(25);
        }

        await app.StopAsync();
    }

    private static long CounterValue(string exposition, string securityEvent)
    {
        var line = exposition.Split('\n').SingleOrDefault(l => l.StartsWith("productionready_security_events_total{", StringComparison.Ordinal) && l.Contains($"event=\"{securityEvent}\"", StringComparison.Ordinal));
        Assert.True(line is not null, $"no {securityEvent} series:\n{exposition}");
        return long.Parse(ValueAtEnd().Match(line).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\}\s+(\d+)(\s+\d+)?\s*$")]
    private static partial Regex ValueAtEnd();

    private sealed class PrometheusForThisApp : IMetricsEndpointExporter
    {
        public void AddReader(MeterProviderBuilder metrics) => metrics.AddPrometheusExporter();

        public void UseEndpoint(IApplicationBuilder app, Func<HttpContext, bool> isScrape) =>
            app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider: null, predicate: isScrape, path: null, configureBranchedPipeline: null, optionsName: null);
    }

    /// <summary>"Authorization: Key {name}" authenticates {name} (no roles); no header is anonymous.</summary>
    private sealed class KeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Key";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) && header.Parameter is { Length: > 0 } name
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName)), SchemeName))
                : AuthenticateResult.NoResult());
    }

    private sealed class EventCapture(ConcurrentQueue<(string Name, string Message)> events) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name is { } name)
            {
                events.Enqueue((name, formatter(state, exception)));
            }
        }
    }
}
