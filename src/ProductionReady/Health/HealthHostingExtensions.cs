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
    public static IHostApplicationBuilder AddProductionReadyHealth(this IHostApplicationBuilder builder, Action<ProductionReadyHealthOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The drain delay's default comes before the section is bound: the binder calls every property's setter
        // with what its getter returns once the section exists (any ProductionReady:Health key), which would
        // otherwise pin the 5 s default as if it had been configured.
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ProductionReadyHealthOptions>, DrainDelayDefaults>(
            sp => new DrainDelayDefaults(sp.GetRequiredService<IHostEnvironment>(), services)));
        if (!CapabilityOptions.Add<ProductionReadyHealthOptions, HealthOptionsValidator>(builder, ProductionReadyHealthOptions.SectionName, configure, static (section, o) => section.Bind(o)))
        {
            return builder;
        }

        services.AddHealthChecks();
        ServiceIdentity.Register(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReservedPaths, HealthReservedPaths>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApplicationAvailability>();
        services.TryAddSingleton<IApplicationAvailability>(sp => sp.GetRequiredService<ApplicationAvailability>());
        services.TryAddSingleton<HealthCheckRunner>();
        services.TryAddSingleton<HealthStatusChanges>();
        services.AddMetrics();
        services.TryAddSingleton<HealthMetrics>();
        services.TryAddSingleton<HealthEvaluations>();
        services.TryAddSingleton<HealthProbeAnswers>();
        services.TryAddSingleton<IHealthProbes>(sp => sp.GetRequiredService<HealthProbeAnswers>());
        services.TryAddSingleton<ProbeResponses>();
        services.TryAddSingleton<HealthReportWriter>();
        services.TryAddSingleton<ReportDetailsGate>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPreStartCheck, ReportDetailsPolicyCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISettingWarnings, HealthSettingWarnings>());
        ConnectionPeer.Register(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HealthProbeLifecycle>());

        // After the lifecycle, so its StartingAsync (which refuses a bad details policy) runs first.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WorkerProbeListener>(
            sp => new WorkerProbeListener(services, sp, sp.GetRequiredService<ILoggerFactory>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPreStartCheck, WorkerProbePortCheck>(sp => new WorkerProbePortCheck(services, sp)));
        return builder;
    }
}
