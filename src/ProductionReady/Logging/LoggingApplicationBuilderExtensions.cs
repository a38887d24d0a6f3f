using ProductionReady.Common;
using ProductionReady.Logging;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds request ids and request logging to the request pipeline on its own.</summary>
public static class LoggingApplicationBuilderExtensions
{
    /// <summary>
    /// Adds request ids (<c>X-Request-ID</c> honoured when well-formed, otherwise generated; echoed on the
    /// response; the <c>RequestId</c> of every event of the request) and one completion event per request
    /// (method, path, status code, elapsed milliseconds, request id), replacing ASP.NET Core's per-request
    /// events. Health probes (whatever their paths) and <see cref="ProductionReady.ProductionReadyLoggingOptions.ExcludedPaths"/> are not logged.
    /// Place it early, before the middleware whose requests it should time.
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>AddProductionReadyLogging</c> was not called.</exception>
    public static IApplicationBuilder UseProductionReadyLogging(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        CapabilityRegistration.EnsureAdded<LogPipeline>(app, "Logging");
        return app.UseMiddleware<RequestLoggingMiddleware>();
    }
}
