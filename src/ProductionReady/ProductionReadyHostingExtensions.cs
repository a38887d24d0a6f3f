using ProductionReady;
using ProductionReady.Common;

// In the namespace the worker SDK's implicit usings import, so the one line needs no extra using.
namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The one line of a worker service (<c>Host.CreateApplicationBuilder</c>, <c>dotnet new worker</c>):
/// <see cref="AddProductionReady"/>.
/// </summary>
public static class ProductionReadyHostingExtensions
{
    /// <summary>
    /// Adds what a service without a web server needs: CLEF JSON logging, startup secret and settings
    /// validation, and health checks with probes a kubelet can call: ProductionReady answers them itself on
    /// <c>ProductionReady:Health:Port</c> (default 8080); and the standard resilience handler on every
    /// <c>HttpClient</c> from <c>IHttpClientFactory</c>. <c>--validate-config</c>, <c>--probe</c> and
    /// <c>--help</c> work as in a web app. On a <c>WebApplicationBuilder</c> this is the web app's
    /// <c>AddProductionReady()</c>.
    /// </summary>
    /// <remarks>
    /// A bad setting or secret stops the process inside <c>builder.Build()</c>, before the worker starts, with
    /// one report on stderr and in the log, then exit code 1. Nothing drains on shutdown: a worker has no
    /// traffic to hand over. The web capabilities (security headers, forwarded headers, CORS, rate limits,
    /// the metrics endpoint) are not added.
    /// </remarks>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReady(
        this IHostApplicationBuilder builder,
        Action<ProductionReadyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder is WebApplicationBuilder web)
        {
            web.AddProductionReady(configure);
            return builder;
        }

        ProductionReadyCommandLine.Apply(builder, configure, CommandLineMode.Current);
        builder.AddProductionReadyLogging();
        builder.AddProductionReadySecrets();
        builder.AddProductionReadyHealth();
        builder.AddProductionReadyResilience();
        ProductionReadyOptionsComposer.Register(builder.Services, configure);
        return builder;
    }
}
