using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductionReady;
using ProductionReady.Common;
using ProductionReady.Headers;

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
    public static IHostApplicationBuilder AddProductionReadySecurityHeaders(this IHostApplicationBuilder builder, Action<SecurityHeadersOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Idempotent: a second call adds nothing but a configure delegate not seen before.
        if (!services.Any(d => d.ServiceType == typeof(SecurityHeadersPipeline)))
        {
            services.AddOptions<SecurityHeadersOptions>().BindConfiguration(SecurityHeadersOptions.SectionName).ValidateOnStart();
            services.AddSingleton<SecurityHeadersPipeline>();

            // First of the startup filters, so its middleware is the outermost: a response another
            // filter's middleware short-circuits (host filtering, a probe) still gets the headers.
            services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(sp => sp.GetRequiredService<SecurityHeadersPipeline>()));
        }

        if (configure is not null && !services.Any(d => d.ImplementationInstance is ConfigureSecurityHeaders existing && existing.Action == configure))
        {
            services.AddSingleton<IConfigureOptions<SecurityHeadersOptions>>(new ConfigureSecurityHeaders(configure));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityHeadersOptions>, SecurityHeadersOptionsValidator>());
        services.TryAddSingleton<CompiledSecurityHeaders>();
        services.TryAddSingleton<CspReportEndpoint>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SecurityHeadersStartup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeveloperPageExceptionFilter, DeveloperExceptionPageMarker>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReservedPaths, CspReportReservedPaths>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<KestrelServerOptions>, TurnOffServerHeader>());
        return builder;
    }

    /// <summary>The user's code configuration, recognisable so the same delegate is added once.</summary>
    private sealed class ConfigureSecurityHeaders(Action<SecurityHeadersOptions> action) : IConfigureOptions<SecurityHeadersOptions>
    {
        public Action<SecurityHeadersOptions> Action { get; } = action;

        public void Configure(SecurityHeadersOptions options) => Action(options);
    }

    /// <summary>A named type, so that calling the method twice registers it once.</summary>
    private sealed class TurnOffServerHeader : IConfigureOptions<KestrelServerOptions>
    {
        public void Configure(KestrelServerOptions options) => options.AddServerHeader = false;
    }
}
