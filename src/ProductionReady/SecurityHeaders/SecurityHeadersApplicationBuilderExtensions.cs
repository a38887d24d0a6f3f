using ProductionReady.Common;
using ProductionReady.SecurityHeaders;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the security headers to the request pipeline on its own.</summary>
public static class SecurityHeadersApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the security headers to the pipeline, and the CSP violation report endpoint. The middleware
    /// runs first wherever this is called: ahead of the routing <c>WebApplication</c> adds implicitly
    /// (so <c>ShortCircuit()</c> endpoints and probes get the headers too) and of every other middleware.
    /// It sets the headers when each response starts, so 404s, exception-handler 500s, status-code
    /// pages, static files and short-circuited responses carry them.
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>AddProductionReadySecurityHeaders</c> was not called.</exception>
    public static IApplicationBuilder UseProductionReadySecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var headers = app.ApplicationServices.GetService<CompiledSecurityHeaders>() ?? throw CapabilityRegistration.Missing("SecurityHeaders");
        if (headers.Enabled)
        {
            app.ApplicationServices.GetRequiredService<SecurityHeadersPipeline>().Request(app);
        }

        return app;
    }
}
