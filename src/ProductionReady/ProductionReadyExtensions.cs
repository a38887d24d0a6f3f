using ProductionReady;

// In the namespace the web SDK's implicit usings import, so the two lines need no extra using.
namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The two lines: <see cref="AddProductionReady"/> and <see cref="UseProductionReady"/>.
/// Composition only: every capability lives in its own folder and is usable on its own through
/// its granular extension method.
/// </summary>
public static class ProductionReadyExtensions
{
    /// <summary>
    /// Adds everything a production service needs: CLEF JSON logging, startup secret validation,
    /// health probes and security headers, configured from the <c>ProductionReady</c> section.
    /// </summary>
    /// <param name="builder">The web application builder.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static WebApplicationBuilder AddProductionReady(
        this WebApplicationBuilder builder,
        Action<ProductionReadyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<ProductionReadyOptions>()
            .BindConfiguration(ProductionReadyOptions.SectionName)
            .Configure(o => configure?.Invoke(o));

        // Each capability binds its own section; the root lambda is handed a view whose matching
        // sub-object is the capability's real options instance.
        builder.AddProductionReadyLogging(o => configure?.Invoke(new ProductionReadyOptions { Logging = o }));
        builder.AddProductionReadySecretValidation(o => configure?.Invoke(new ProductionReadyOptions { Secrets = o }));
        builder.AddProductionReadyHealthChecks(o => configure?.Invoke(new ProductionReadyOptions { Health = o }));
        builder.AddProductionReadySecurityHeaders(o => configure?.Invoke(new ProductionReadyOptions { SecurityHeaders = o }));
        return builder;
    }

    /// <summary>
    /// Adds the middleware in the order a request needs it: security headers first (they install
    /// themselves at the front, so error and short-circuited responses carry them), then the request id
    /// and request logging, then the CSP report endpoint and the probe endpoints, which answer ahead of
    /// HTTPS redirection, authentication and rate limiting.
    /// </summary>
    /// <param name="app">The web application.</param>
    /// <returns>The same application, for chaining.</returns>
    public static WebApplication UseProductionReady(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseProductionReadyRequestLogging();
        app.UseProductionReadySecurityHeaders(); // the headers go to the front; the CSP report endpoint stays here, behind the request id
        app.UseProductionReadyProbes();
        return app;
    }
}
