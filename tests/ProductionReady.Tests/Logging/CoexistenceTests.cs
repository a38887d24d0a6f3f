// Tests log the way applications do: plain LogInformation calls are the point, not a performance problem.
#pragma warning disable CA1848, CA1873

using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using ProductionReady.Logging;
using Serilog;

namespace ProductionReady.Tests.Logging;

/// <summary>An app that brings its own Serilog or OpenTelemetry logging keeps ProductionReady's guarantees.</summary>
public sealed class CoexistenceTests
{
    [Theory]
    [InlineData(nameof(SerilogServiceCollectionExtensions.AddSerilog))]
    [InlineData(nameof(SerilogHostBuilderExtensions.UseSerilog))]
    [InlineData("ClearProviders")]
    public void Serilogs_own_pipeline_or_cleared_providers_after_AddProductionReady_are_refused_at_startup_with_the_fix(string call)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(LogDestination.To(new StringWriter()));
        builder.AddProductionReady();
        var appsOwn = new LogEvents.CollectingSink();
        switch (call)
        {
            case nameof(SerilogServiceCollectionExtensions.AddSerilog):
                builder.Services.AddSerilog(lc => lc.WriteTo.Sink(appsOwn));
                break;
            case nameof(SerilogHostBuilderExtensions.UseSerilog):
                builder.Host.UseSerilog((_, lc) => lc.WriteTo.Sink(appsOwn));
                break;
            default:
                builder.Logging.ClearProviders();
                break;
        }

        // Refused when the container is built, in the one startup report.
        var failure = Assert.Throws<ProductionReadyConfigurationException>(() => builder.Build());
        var message = Assert.Single(failure.Problems, f => f.Contains("logging pipeline is not in use", StringComparison.Ordinal));
        Assert.StartsWith("ProductionReady:Logging: ", message, StringComparison.Ordinal);
        Assert.Contains("AddSerilog", message, StringComparison.Ordinal);
        Assert.Contains("o.Logging.ConfigureSerilog(lc => ...)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigureSerilog_adds_sinks_and_enrichers_behind_the_masking()
    {
        var secret = string.Concat("sk-", "live-", "7f3a9c", "e2b41d");
        var appsOwn = new LogEvents.CollectingSink();
        await using var log = await CapturedLog.StartAsync(
            configure: o => o.ConfigureSerilog(lc => lc.Enrich.WithProperty("Team", "orders").WriteTo.Sink(appsOwn)),
            knownSecrets: [secret]);
        log.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders").LogWarning("Calling with {Key}", secret);

        var clef = Assert.Single(log.Events, e => e.GetProperty("@mt").GetString() == "Calling with {Key}");
        Assert.Equal("orders", clef.GetProperty("Team").GetString());
        Assert.Equal("***", clef.GetProperty("Key").GetString());
        var own = Assert.Single(appsOwn.Events, e => e.MessageTemplate.Text == "Calling with {Key}");
        Assert.Equal("\"***\"", own.Properties["Key"].ToString());
        Assert.DoesNotContain(secret, log.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_OpenTelemetry_logging_provider_added_before_or_after_stays_and_gets_the_request_event(bool before)
    {
        var exported = new List<LogRecord>();
        var output = new StringWriter { NewLine = "\n" };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(LogDestination.To(output));
        if (before)
        {
            builder.Logging.AddOpenTelemetry(o => o.AddInMemoryExporter(exported));
        }

        builder.AddProductionReadyLogging();
        if (!before)
        {
            builder.Logging.AddOpenTelemetry(o => o.AddInMemoryExporter(exported));
        }

        await using var app = builder.Build();
        app.UseProductionReadyLogging();
        app.MapGet("/orders/{id}", (int id, ILogger<CoexistenceTests> logger) =>
        {
            logger.LogInformation("Loading order {OrderId}", id);
            return "ok";
        });
        await app.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/3");
        request.Headers.Add("X-Request-ID", "otel-1");
        Assert.Equal(HttpStatusCode.OK, (await app.GetTestClient().SendAsync(request)).StatusCode);
        await app.StopAsync();
        Assert.True(app.Services.GetRequiredService<LogPipeline>().Flush(TimeSpan.FromSeconds(10)));

        List<LogRecord> records;
        lock (exported)
        {
            records = [.. exported];
        }

        Assert.Contains(records, r => r.CategoryName == typeof(CoexistenceTests).FullName);
        var completion = Assert.Single(records, r => r.CategoryName == "ProductionReady.RequestLogging");
        Assert.Contains(completion.Attributes!, a => a.Key == "RequestId" && (string?)a.Value == "otel-1");
        Assert.Contains(completion.Attributes!, a => a.Key == "StatusCode" && Equals(a.Value, 200));

        // ProductionReady's own output still has it, once.
        var clef = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement);
        Assert.Single(clef, e => e.TryGetProperty("RequestId", out var id) && id.GetString() == "otel-1" && e.TryGetProperty("StatusCode", out _));
    }

    [Fact]
    public void The_frameworks_console_and_debug_providers_are_replaced_and_no_other()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddProductionReadyLogging();
        var providers = builder.Services.Where(d => d.ServiceType == typeof(ILoggerProvider)).Select(d => d.ImplementationType?.Name ?? "factory").ToList();
        Assert.DoesNotContain("ConsoleLoggerProvider", providers);
        Assert.DoesNotContain("DebugLoggerProvider", providers);
        Assert.Contains("EventSourceLoggerProvider", providers);
    }
}
