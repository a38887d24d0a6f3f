using ProductionReady.Headers;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the security headers to the request pipeline on its own.</summary>
public static class SecurityHeadersApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the security headers to the pipeline. Put it first: it sets the headers when each response
    /// starts, so everything after it (404s, exception-handler 500s, status-code pages, static files,
    /// short-circuited and probe responses) carries them. Also serves the CSP violation report endpoint.
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>AddProductionReadySecurityHeaders</c> was not called.</exception>
    public static IApplicationBuilder UseProductionReadySecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var headers = app.ApplicationServices.GetService<CompiledSecurityHeaders>() ?? throw new InvalidOperationException(
            "The security headers are not registered: call builder.AddProductionReadySecurityHeaders() (or builder.AddProductionReady()) before building the app.");
        if (!headers.Enabled)
        {
            return app;
        }

        var reports = app.ApplicationServices.GetRequiredService<CspReportEndpoint>();
        return app.Use(next => new SecurityHeadersMiddleware(next, headers, reports).InvokeAsync);
    }
}
