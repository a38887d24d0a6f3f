using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ProductionReady;
using ProductionReady.Common;
using ProductionReady.Metrics;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the metrics on their own.</summary>
public static class MetricsHostingExtensions
{
    /// <summary>The standard OpenTelemetry variable that switches OTLP export on (as Aspire sets it).</summary>
    internal const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Adds OpenTelemetry metrics for ASP.NET Core, Kestrel, routing, diagnostics, rate limiting, HttpClient,
    /// the runtime and ProductionReady's own meter, exposed to Prometheus by <c>app.UseProductionReadyMetrics()</c>
    /// (or <c>app.UseProductionReady()</c>) when the app references <c>ProductionReady.Prometheus</c> (any
    /// <see cref="IMetricsEndpointExporter"/> registered with <see cref="MetricsEndpointExporter"/>);
    /// configured from <c>ProductionReady:Metrics</c> and then from
    /// <paramref name="configure"/>, validated at startup. When <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set,
    /// metrics, traces (ASP.NET Core, HttpClient) and log events are also exported over OTLP, with the service's
    /// name, version and environment as the resource.
    /// </summary>
    /// <remarks>
    /// An app that configures OpenTelemetry itself (<c>builder.Services.AddOpenTelemetry().WithMetrics(...)</c>,
    /// Aspire's service defaults) keeps its one MeterProvider: the meters and the exporter's reader are added to it.
    /// </remarks>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadyMetrics(this IHostApplicationBuilder builder, Action<ProductionReadyMetricsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (CapabilityOptions.Add<ProductionReadyMetricsOptions, MetricsOptionsValidator>(builder, ProductionReadyMetricsOptions.SectionName, configure, static (section, o) => section.Bind(o)))
        {
            // Not idempotent itself (it adds an options configuration each call): once, with the capability.
            services.AddMetrics();
        }

        // The exporter package registered itself before Main (a module initializer); the pipeline finds it in the container.
        if (MetricsEndpointExporter.Current is { } exporter)
        {
            services.TryAddSingleton(exporter);
        }

        services.TryAddSingleton<MetricsEndpointGate>();
        services.TryAddSingleton<IManagementPort, MetricsManagementPort>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPreStartCheck, MetricsPolicyCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReservedPaths, MetricsReservedPaths>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MetricsStartup>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, ManagementPortListener>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPreStartCheck, ManagementPortCheck>());
        ConnectionPeer.Register(services);

        // Whether to build the OpenTelemetry pipeline is decided now, from the same settings the options get.
        var settings = EarlySettings(builder.Configuration, configure);
        if (!settings.Enabled || services.Any(d => d.ServiceType == typeof(MetricsPipelineAdded)))
        {
            return builder;
        }

        services.AddSingleton<MetricsPipelineAdded>();

        // AddOpenTelemetry() is idempotent: with the app's own call (before or after this one) there is one
        // MeterProvider, which gets our meters and the exporter's reader next to the app's own.
        var telemetry = services.AddOpenTelemetry();
        ServiceIdentity.Register(services);
        telemetry.ConfigureResource(resource => resource.AddDetector(static sp => new ServiceResourceDetector(
            sp.GetRequiredService<ServiceIdentity>(), sp.GetRequiredService<IConfiguration>())));
        var endpointExporter = MetricsEndpointExporter.Current;
        telemetry.WithMetrics(metrics => endpointExporter?.AddReader(metrics));
        services.ConfigureOpenTelemetryMeterProvider(AddMeters);
        if (settings.Otlp && !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            // No spans for the paths ProductionReady answers itself (probes, /metrics, CSP reports): a kubelet's
            // probe every few seconds would otherwise outnumber the app's own traces.
            services.TryAddSingleton<ReservedPathsTraceFilter>();
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = ReservedPathsTraceFilter.Traces)
                .AddHttpClientInstrumentation());

            // The exporter reads OTEL_EXPORTER_OTLP_* itself; an app that already called UseOtlpExporter keeps its own.
            if (!services.Any(d => d.ServiceType.FullName?.Contains("UseOtlpExporter", StringComparison.Ordinal) == true))
            {
                telemetry.UseOtlpExporter();
            }
        }

        return builder;
    }

    /// <summary>
    /// The meters are added when the MeterProvider is built, from the final options: <c>Enabled = false</c>
    /// set in code (where the pipeline already exists) leaves the provider listening to nothing of ours.
    /// </summary>
    private static void AddMeters(IServiceProvider services, MeterProviderBuilder provider)
    {
        if (services.GetRequiredService<IOptions<ProductionReadyMetricsOptions>>().Value.Enabled)
        {
            provider.AddMeter(MeterNames.All);
        }
    }

    private static (bool Enabled, bool Otlp) EarlySettings(IConfiguration configuration, Action<ProductionReadyMetricsOptions>? configure)
    {
        var section = configuration.GetSection(ProductionReadyMetricsOptions.SectionName);
        var early = new ProductionReadyMetricsOptions
        {
            // A value the binder cannot read keeps the default here; the startup report then refuses it.
            Enabled = !bool.TryParse(section[nameof(ProductionReadyMetricsOptions.Enabled)], out var enabled) || enabled,
            Otlp = !bool.TryParse(section[nameof(ProductionReadyMetricsOptions.Otlp)], out var otlp) || otlp,
        };
        configure?.Invoke(early);
        return (early.Enabled, early.Otlp);
    }

    /// <summary>Marks the OpenTelemetry pipeline as added, so a second call adds nothing.</summary>
    private sealed class MetricsPipelineAdded;

}
