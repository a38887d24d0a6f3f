using ProductionReady;
using ProductionReady.Common;
using ProductionReady.Metrics;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the metrics endpoint to the request pipeline on its own.</summary>
public static class MetricsApplicationBuilderExtensions
{
    /// <summary>
    /// Answers <c>/metrics</c> (<see cref="ProductionReadyMetricsOptions.Path"/>) with the Prometheus text exposition to the
    /// callers <see cref="ProductionReadyMetricsOptions.Access"/> allows (loopback by default) and 404 to everyone else, and
    /// keeps health probes and scrapes out of the HTTP metrics. The exposition needs the
    /// <c>ProductionReady.Prometheus</c> package (an <see cref="IMetricsEndpointExporter"/>); without it the
    /// path is left to the app. Call it before the probes, HTTPS redirection
    /// and authentication, as <c>app.UseProductionReady()</c> does.
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>AddProductionReadyMetrics</c> was not called.</exception>
    public static IApplicationBuilder UseProductionReadyMetrics(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var gate = app.ApplicationServices.GetService<MetricsEndpointGate>()
            ?? throw CapabilityRegistration.Missing("Metrics");
        if (!app.ApplicationServices.GetRequiredService<IOptions<ProductionReadyMetricsOptions>>().Value.Enabled)
        {
            return app;
        }

        AppEndpoints.Track(app);
        app.Use(gate.InvokeAsync);
        app.ApplicationServices.GetService<IMetricsEndpointExporter>()?.UseEndpoint(app, gate.IsScrape);
        return app;
    }
}
