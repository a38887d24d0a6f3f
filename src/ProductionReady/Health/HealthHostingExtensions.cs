using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductionReady;
using ProductionReady.Health;
using ProductionReady.Common;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the health probes on its own.</summary>
public static class HealthHostingExtensions
{
    /// <summary>
    /// Adds the health probes, configured from <c>ProductionReady:Health</c> and then from
    /// <paramref name="configure"/>. Add the app's checks with <c>builder.Services.AddHealthChecks()</c>,
    /// tagged <see cref="HealthCheckTags.Ready"/> (readiness) or <see cref="HealthCheckTags.Live"/> (liveness).
    /// </summary>
    /// <remarks>
    /// Bad settings stop the host before the server listens, with one report naming every key (see
    /// <c>ProductionReadyConfigurationException</c>). The command-line modes (<c>--probe</c>,
    /// <c>--validate-config</c>) belong to <c>AddProductionReady()</c>, not to this method.
    /// </remarks>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadyHealthChecks(this IHostApplicationBuilder builder, Action<HealthProbeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        if (!CapabilityOptions.Add<HealthProbeOptions, HealthProbeOptionsValidator>(builder, HealthProbeOptions.SectionName, configure, static (section, o) => section.Bind(o)))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddHealthChecks();
        ServiceIdentity.Register(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReservedPaths, HealthReservedPaths>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<HealthProbeOptions>, DrainDelayDefaults>(
            sp => new DrainDelayDefaults(sp.GetRequiredService<IHostEnvironment>(), services)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApplicationAvailability>();
        services.TryAddSingleton<IApplicationAvailability>(sp => sp.GetRequiredService<ApplicationAvailability>());
        services.TryAddSingleton<HealthCheckRunner>();
        services.TryAddSingleton<HealthStatusChanges>();
        services.AddMetrics();
        services.TryAddSingleton<HealthMetrics>();
        services.TryAddSingleton<HealthEvaluations>();
        services.TryAddSingleton<ProbeResponses>();
        services.TryAddSingleton<HealthReportWriter>();
        services.TryAddSingleton<ReportDetailsGate>();
        ConnectionPeer.Register(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HealthProbeLifecycle>());
        return builder;
    }
}
