using ProductionReady;
using ProductionReady.Common;

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
    /// health probes, security headers, trusted proxies, CORS, metrics, the rate-limit presets and outbound HTTP
    /// resilience, configured
    /// from the <c>ProductionReady</c> section.
    /// </summary>
    /// <remarks>
    /// Every bad setting, and in Production every refused secret, stops the process inside <c>builder.Build()</c>,
    /// before any of the app's code after it, with one report on stderr and in the log naming each full
    /// configuration key, then exit code 1 (<see cref="ProductionReadyConfigurationException"/>); paths that
    /// collide with the app's routes are refused when <c>app.Run()</c> starts the host. The command-line modes
    /// <c>--probe</c>, <c>--validate-config</c> and <c>--help</c> are described on <c>ProductionReadyCommandLine</c>:
    /// without those switches this method only registers services.
    /// </remarks>
    /// <param name="builder">The web application builder.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static WebApplicationBuilder AddProductionReady(
        this WebApplicationBuilder builder,
        Action<ProductionReadyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // --probe and --validate-config: the only modes that end the process, all in one class.
        ProductionReadyCommandLine.Apply(builder, configure, CommandLineMode.Current);

        // Each capability registers and binds its own section, the standard way (a second call adds
        // nothing but a lambda not seen before). The root lambda runs
        // once, on a root whose sub-objects are the capabilities' own options instances.
        builder.AddProductionReadyLogging();
        builder.AddProductionReadySecrets();
        builder.AddProductionReadyHealth();
        builder.AddProductionReadySecurityHeaders();
        builder.AddProductionReadyForwardedHeaders();
        builder.AddProductionReadyCors();
        builder.AddProductionReadyMetrics();
        builder.AddProductionReadyRateLimits();
        builder.AddProductionReadyInfo();
        builder.AddProductionReadySecurityEvents();
        builder.AddProductionReadyResilience();
        ProductionReadyOptionsComposer.Register(builder.Services, configure);
        return builder;
    }

    /// <summary>
    /// Adds the middleware in the order a request needs it: security headers first (they install
    /// themselves at the front, so error and short-circuited responses carry them), then forwarded headers
    /// from the trusted proxies (also at the front, so everything after sees the real client), the request id
    /// and request logging, then the CSP report endpoint, the metrics endpoint (insiders only) and the probe
    /// endpoints, which answer ahead of HTTPS redirection, authentication and rate limiting, then the
    /// configured CORS policy and the rate limits.
    /// </summary>
    /// <param name="app">The web application.</param>
    /// <returns>The same application, for chaining.</returns>
    public static WebApplication UseProductionReady(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The reserved-paths check compares our paths with the routes the app maps after this call.
        AppEndpoints.Track(app);
        app.UseProductionReadyForwardedHeaders(); // goes to the front: logging, rate limits and HSTS see the real client
        app.UseProductionReadyLogging();
        app.UseProductionReadySecurityEvents(); // sees every answer after it: 401, 403, refused CORS preflights
        app.UseProductionReadySecurityHeaders(); // the headers go to the front; the CSP report endpoint stays here, behind the request id
        app.UseProductionReadyInfo(); // insiders only; ahead of the metrics, which close the management port to all else
        app.UseProductionReadyMetrics(); // ahead of the probes: it keeps them out of the HTTP metrics
        app.UseProductionReadyHealth();
        app.UseProductionReadyCors(); // before the limits: a CORS preflight is answered, never counted
        app.UseProductionReadyRateLimits(); // after the probes: a probe is never rate limited
        return app;
    }
}
