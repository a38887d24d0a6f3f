using OpenTelemetry.Metrics;

namespace ProductionReady.Prometheus;

/// <summary>The OpenTelemetry Prometheus exporter for ASP.NET Core, behind ProductionReady's gate.</summary>
internal sealed class PrometheusEndpointExporter : IMetricsEndpointExporter
{
    public static readonly PrometheusEndpointExporter Instance = new();

    private PrometheusEndpointExporter()
    {
    }

    public void AddReader(MeterProviderBuilder metrics) => metrics.AddPrometheusExporter();

    // The gate in front has answered 404 to every caller it does not allow; the predicate keeps the path and port it judged.
    public void UseEndpoint(IApplicationBuilder app, Func<HttpContext, bool> isScrape) =>
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: isScrape,
            path: null,
            configureBranchedPipeline: null,
            optionsName: null);
}
