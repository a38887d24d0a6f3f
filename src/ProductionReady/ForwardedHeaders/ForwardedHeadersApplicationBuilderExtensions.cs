using ProductionReady.Common;
using ProductionReady.ForwardedHeaders;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds trusted-proxy handling of forwarded headers on its own.</summary>
public static class ForwardedHeadersApplicationBuilderExtensions
{
    /// <summary>
    /// Applies forwarded headers from the trusted proxies at the front of the pipeline (wherever this is
    /// called), so request logging, rate limits, HSTS and the app see the real client's address, scheme
    /// and host. Requires <c>builder.AddProductionReadyForwardedHeaders()</c> (or <c>AddProductionReady()</c>).
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The same application builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>AddProductionReadyForwardedHeaders</c> was not called.</exception>
    public static IApplicationBuilder UseProductionReadyForwardedHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var pipeline = app.ApplicationServices.GetService<ForwardedHeadersPipeline>()
            ?? throw CapabilityRegistration.Missing("ForwardedHeaders");
        pipeline.Request(app);
        return app;
    }
}
