using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using ProductionReady.IntegrationTests.Infrastructure;
using ProductionReady.Logging;

namespace ProductionReady.IntegrationTests.Logging;

/// <summary>
/// Logs over OTLP as a feature: with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, a real OTLP/HTTP receiver on loopback
/// gets the request event and the app's events with their properties, trace and span ids and the service's resource,
/// decoded from the protobuf the exporter sent; stdout keeps its CLEF; either output can be switched off.
/// </summary>
public sealed partial class OtlpLogExportTests
{
    [Fact]
    public async Task Request_and_app_events_arrive_with_properties_trace_ids_and_the_service_resource_while_stdout_keeps_clef()
    {
        await using var collector = await OtlpCollector.StartAsync();
        var output = new StringWriter();
        var marker = "otlp-last-" + Guid.NewGuid().ToString("N");
        await RunAppAsync(collector, output, marker, settings: []);

        await collector.WaitForAsync("/v1/logs", marker);
        var records = OtlpLogs.Decode(collector.Bodies("/v1/logs"));

        var placed = Assert.Single(records, r => r.Attributes.GetValueOrDefault("OrderId") == "42");
        Assert.Equal("order {OrderId} placed for {Customer}", placed.Body);
        Assert.Equal("acme", placed.Attributes["Customer"]);
        Assert.Matches("^[0-9a-f]{32}$", placed.TraceId);
        Assert.Matches("^[0-9a-f]{16}$", placed.SpanId);
        Assert.NotEqual(new string('0', 32), placed.TraceId);

        var request = Assert.Single(records, r => r.Attributes.GetValueOrDefault("RequestPath") == "/orders/42");
        Assert.Equal("GET", request.Attributes["RequestMethod"]);
        Assert.Equal("200", request.Attributes["StatusCode"]);
        Assert.Equal(placed.TraceId, request.TraceId);

        foreach (var record in new[] { placed, request })
        {
            Assert.Equal("orders-api", record.Resource["service.name"]);
            Assert.Equal("Production", record.Resource["deployment.environment.name"]);
            Assert.Equal("Production", record.Resource["deployment.environment"]);
            Assert.False(string.IsNullOrEmpty(record.Resource["service.version"]));
        }

        // Stdout still has every event, as CLEF, with the same trace id.
        var stdout = output.ToString();
        Assert.Contains("\"@mt\":\"order {OrderId} placed for {Customer}\"", stdout, StringComparison.Ordinal);
        Assert.Contains($"\"@tr\":\"{placed.TraceId}\"", stdout, StringComparison.Ordinal);
        Assert.Contains(marker, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Otlp_false_keeps_log_events_off_the_collector_while_traces_still_go()
    {
        await using var collector = await OtlpCollector.StartAsync();
        var output = new StringWriter();
        var marker = "otlp-off-" + Guid.NewGuid().ToString("N");
        await RunAppAsync(collector, output, marker, settings: new() { ["ProductionReady:Logging:Otlp"] = "false" });

        // The host is disposed, which flushes every exporter: the request's span arrived, so any log would have too.
        await collector.WaitForAsync("/v1/traces", "/orders/");
        Assert.DoesNotContain(OtlpLogs.Decode(collector.Bodies("/v1/logs")), r => r.Body.Contains("{OrderId}", StringComparison.Ordinal) || r.Attributes.ContainsKey("RequestPath"));
        Assert.Contains(marker, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdout_false_sends_events_to_the_collector_only()
    {
        await using var collector = await OtlpCollector.StartAsync();
        var output = new StringWriter();
        var marker = "stdout-off-" + Guid.NewGuid().ToString("N");
        await RunAppAsync(collector, output, marker, settings: new() { ["ProductionReady:Logging:Stdout"] = "false" });

        await collector.WaitForAsync("/v1/logs", marker);
        Assert.Contains(OtlpLogs.Decode(collector.Bodies("/v1/logs")), r => r.Attributes.GetValueOrDefault("OrderId") == "42");
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Stdout_false_without_a_collector_is_refused_at_startup()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["ProductionReady:Logging:Stdout"] = "false";
        builder.Services.AddSingleton(LogDestination.To(TextWriter.Null));
        builder.AddProductionReady();

        var refusal = Assert.Throws<ProductionReadyConfigurationException>(() => builder.Build());
        Assert.Contains("ProductionReady:Logging:Stdout", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("every log event would be lost", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", refusal.Message, StringComparison.Ordinal);
    }

    private static async Task RunAppAsync(OtlpCollector collector, StringWriter output, string marker, Dictionary<string, string?> settings)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint;
        builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        builder.Configuration["ProductionReady:ServiceName"] = "orders-api";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(LogDestination.To(output));
        builder.AddProductionReady();
        await using (var app = builder.Build())
        {
            app.UseProductionReady();
            app.MapGet("/orders/{id}", (int id, ILogger<OtlpLogExportTests> logger) =>
            {
                OrderPlaced(logger, id, "acme");
                return "ok";
            });
            await app.StartAsync();
            using (var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") })
            {
                (await client.GetAsync(new Uri("/orders/42", UriKind.Relative))).EnsureSuccessStatusCode();
            }

            var logger = app.Services.GetRequiredService<ILogger<OtlpLogExportTests>>();
            LastEvent(logger, marker);
            await app.StopAsync();
        }

    }

    [LoggerMessage(Level = LogLevel.Information, Message = "order {OrderId} placed for {Customer}")]
    private static partial void OrderPlaced(ILogger logger, int orderId, string customer);

    [LoggerMessage(Level = LogLevel.Information, Message = "last event {Marker}")]
    private static partial void LastEvent(ILogger logger, string marker);
}
