using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductionReady;
using ProductionReady.Common;
using ProductionReady.ForwardedHeaders;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers trusted-proxy handling of forwarded headers on its own.</summary>
public static class ForwardedHeadersHostingExtensions
{
    /// <summary>
    /// Applies <c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c> from the
    /// proxies listed in <c>ProductionReady:ForwardedHeaders:TrustedProxies</c> only (then from
    /// <paramref name="configure"/>); validated at startup. Nothing is trusted until a proxy is listed.
    /// Add the middleware with <c>app.UseProductionReadyForwardedHeaders()</c> (or <c>app.UseProductionReady()</c>).
    /// </summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadyForwardedHeaders(this IHostApplicationBuilder builder, Action<ProductionReadyForwardedHeadersOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (CapabilityOptions.Add<ProductionReadyForwardedHeadersOptions, ForwardedHeadersOptionsValidator>(builder, ProductionReadyForwardedHeadersOptions.SectionName, configure, static (section, o) => section.Bind(o)))
        {
            services.AddSingleton<ForwardedHeadersPipeline>();

            // Appended, not inserted first: the capture of the connection's own peer (and the host's own
            // forwarded-headers filter, when enabled) must run before it.
            services.AddSingleton<IStartupFilter>(sp => sp.GetRequiredService<ForwardedHeadersPipeline>());
        }

        services.TryAddSingleton<TrustedProxyList>();
        services.TryAddSingleton<ITrustedProxies>(sp => sp.GetRequiredService<TrustedProxyList>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ForwardedHeadersStartup>());
        return builder;
    }

}
