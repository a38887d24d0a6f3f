using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductionReady;
using ProductionReady.Common;
using ProductionReady.SecurityHeaders;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the security headers on its own.</summary>
public static class SecurityHeadersHostingExtensions
{
    /// <summary>
    /// Adds the security headers, configured from <c>ProductionReady:SecurityHeaders</c> and then from
    /// <paramref name="configure"/>; validated at startup. Also turns off Kestrel's <c>Server</c> header at
    /// its source (removing it from a response does not work: Kestrel adds it after the app's callbacks).
    /// Add the middleware with <c>app.UseProductionReadySecurityHeaders()</c> (or <c>app.UseProductionReady()</c>).
    /// </summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadySecurityHeaders(this IHostApplicationBuilder builder, Action<ProductionReadySecurityHeadersOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!CapabilityOptions.Add<ProductionReadySecurityHeadersOptions, SecurityHeadersOptionsValidator>(builder, ProductionReadySecurityHeadersOptions.SectionName, configure, static (section, o) => section.Bind(o)))
        {
            return builder;
        }

        var services = builder.Services;
        services.TryAddSingleton<SecurityHeadersPipeline>();

        // First of the startup filters, so its middleware is the outermost: a response another
        // filter's middleware short-circuits (host filtering, a probe) still gets the headers.
        services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(sp => sp.GetRequiredService<SecurityHeadersPipeline>()));
        services.TryAddSingleton<CompiledSecurityHeaders>();
        services.TryAddSingleton<CspReportEndpoint>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SecurityHeadersPolicyReport>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeveloperPageExceptionFilter, DeveloperExceptionPageMarker>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReservedPaths, CspReportReservedPaths>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISettingWarnings, SecurityHeadersSettingWarnings>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<KestrelServerOptions>, TurnOffServerHeader>());
        return builder;
    }

    /// <summary>A named type, so that calling the method twice registers it once.</summary>
    private sealed class TurnOffServerHeader : IConfigureOptions<KestrelServerOptions>
    {
        public void Configure(KestrelServerOptions options) => options.AddServerHeader = false;
    }
}
