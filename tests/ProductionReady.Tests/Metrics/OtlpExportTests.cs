using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace ProductionReady.Tests.Metrics;

/// <summary>
/// OTLP export switches on with the standard OTEL_EXPORTER_OTLP_ENDPOINT (read from configuration, where the
/// environment variable lands): metrics and traces reach a loopback OTLP/HTTP receiver; probe requests make no span.
/// </summary>
[Collection(MetricsRunAlone.Name)]
public sealed class OtlpExportTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_standard_variable_switches_on_OTLP_metrics_and_traces_without_probe_spans(bool appCallsUseOtlpExporterFirst)
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        await using var receiver = await StartReceiverAsync(received);

        await using var app = await LoopbackApp.StartAsync(b =>
        {
            b.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            b.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            b.Configuration["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
            b.Configuration["OTEL_BSP_SCHEDULE_DELAY"] = "200";
            if (appCallsUseOtlpExporterFirst)
            {
                // Aspire's service defaults: the app switches OTLP on itself; ours must not add a second one.
                b.Services.AddOpenTelemetry().WithTracing(t => t.AddAspNetCoreInstrumentation()).UseOtlpExporter();
            }

            b.AddProductionReady();
        });
        await app.Client.GetStringAsync(new Uri("/orders/42", UriKind.Relative));
        await app.Client.GetAsync(new Uri("/health/live", UriKind.Relative));
        await app.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        // Absence proven by a later event: the exporter sends spans in the order they ended, so once the span of a
        // request sent after the probes has arrived, a probe's span would have arrived before it.
        await app.Client.GetStringAsync(new Uri("/orders/9001", UriKind.Relative));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline && !(Has(received, "/v1/metrics", "http.server.request.duration") && ServerSpanWithPath(received, "/orders/9001")))
        {
            await Task.Delay(100); // polling for the exports above, bounded by the deadline
        }

        Assert.True(Has(received, "/v1/metrics", "http.server.request.duration"), "No OTLP metrics export received: " + string.Join(", ", received.Select(r => r.Path)));
        Assert.True(Has(received, "/v1/traces", "/orders/{id}"), "No OTLP span for GET /orders/{id} received: " + string.Join(", ", received.Select(r => r.Path)));
        Assert.True(ServerSpanWithPath(received, "/orders/9001"), "No span for the request after the probes: the check below would prove nothing.");

        // A server span carries url.path; the test's own HttpClient (same process) exports client spans with url.full.
        Assert.False(ServerSpanWithPath(received, "/health/"), "A probe request was exported as a server span: " + string.Join(" | ", received.Where(r => r.Path == "/v1/traces").SelectMany(r => System.Text.RegularExpressions.Regex.Matches(Encoding.Latin1.GetString(r.Body), "url\\.path.{1,8}?(/[!-~]*)", System.Text.RegularExpressions.RegexOptions.Singleline).Select(m => m.Groups[1].Value))));
    }

    [Fact]
    public async Task Without_the_variable_there_is_no_tracing_pipeline()
    {
        await using var app = await LoopbackApp.StartAsync(b => b.AddProductionReady());
        Assert.Null(app.App.Services.GetService<TracerProvider>());
    }

    private static bool ServerSpanWithPath(ConcurrentQueue<(string Path, byte[] Body)> received, string pathPrefix) =>
        received.Any(r => r.Path == "/v1/traces" && System.Text.RegularExpressions.Regex.IsMatch(Encoding.Latin1.GetString(r.Body), "url\\.path.{1,8}" + System.Text.RegularExpressions.Regex.Escape(pathPrefix), System.Text.RegularExpressions.RegexOptions.Singleline));

    private static bool Has(ConcurrentQueue<(string Path, byte[] Body)> received, string path, string text) =>
        received.Any(r => r.Path == path && Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal));

    private static async Task<WebApplication> StartReceiverAsync(ConcurrentQueue<(string Path, byte[] Body)> received)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = builder.Build();
        receiver.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue((context.Request.Path.Value!, body.ToArray()));
            return Results.Ok();
        });
        await receiver.StartAsync();
        return receiver;
    }
}
