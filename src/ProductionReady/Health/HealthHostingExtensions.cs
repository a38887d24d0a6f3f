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
    /// When the process was started as <c>app --probe live|ready|startup</c> (a container
    /// HEALTHCHECK without curl), this method sends that one probe to the instance already running
    /// on this machine and exits the process: 0 on a 200 answer, 1 otherwise. No server starts.
    /// </remarks>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadyHealthChecks(this IHostApplicationBuilder builder, Action<HealthProbeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        if (CommandLineMode.Current.GetValue(ProbeCommand.Switch) is { } probe)
        {
            // The earliest point this package controls: nothing has been built, nothing listens.
            Environment.Exit(ProbeCommand.Run(builder.Configuration, configure, probe, Console.Out, Console.Error));
        }

        var options = builder.Services.AddOptions<HealthProbeOptions>()
            .BindConfiguration(HealthProbeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var services = builder.Services;
        services.AddHealthChecks();
        ServiceIdentity.Register(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HealthProbeOptions>, HealthProbeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApplicationAvailability>();
        services.TryAddSingleton<IApplicationAvailability>(sp => sp.GetRequiredService<ApplicationAvailability>());
        services.TryAddSingleton<HealthCheckRunner>();
        services.TryAddSingleton<HealthStateLog>();
        services.TryAddSingleton<HealthEvaluations>();
        services.TryAddSingleton<ProbeResponses>();
        services.TryAddSingleton<HealthReportWriter>();
        services.TryAddSingleton<ReportDetailsGate>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HealthProbeLifecycle>());
        return builder;
    }
}
