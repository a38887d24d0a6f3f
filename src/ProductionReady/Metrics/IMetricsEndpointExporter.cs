using OpenTelemetry.Metrics;

namespace ProductionReady;

/// <summary>
/// The exporter that answers the metrics endpoint (<see cref="ProductionReadyMetricsOptions.Path"/>). The core collects the
/// meters, gates the endpoint (404 to every caller <see cref="ProductionReadyMetricsOptions.Access"/> does not allow) and opens
/// the management port; the exporter only adds its reader and writes the scrape. <c>ProductionReady.Prometheus</c>
/// is one: referencing that package registers it through <see cref="MetricsEndpointExporter.Register"/>.
/// </summary>
/// <remarks>
/// Without an exporter the metrics are still collected (and exported over OTLP when it is switched on), and
/// the endpoint path is left to the app: nothing answers it, nothing claims it.
/// </remarks>
public interface IMetricsEndpointExporter
{
    /// <summary>
    /// Adds the exporter's reader to the app's one MeterProvider. Called once, while
    /// <c>AddProductionReadyMetrics()</c> registers the OpenTelemetry pipeline, and only when metrics are enabled.
    /// </summary>
    /// <param name="metrics">The app's MeterProvider builder.</param>
    void AddReader(MeterProviderBuilder metrics);

    /// <summary>
    /// Adds the middleware that answers a scrape to the request pipeline. The gate runs before it: a request
    /// for which <paramref name="isScrape"/> is true reaches it only when the caller is allowed.
    /// </summary>
    /// <param name="app">The application builder, at the place the endpoint belongs.</param>
    /// <param name="isScrape">True for a request to the endpoint (its path, and its port when one is set).</param>
    void UseEndpoint(IApplicationBuilder app, Func<HttpContext, bool> isScrape);
}
