using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry.Logs;
using ProductionReady.Common;
using Microsoft.Extensions.Hosting;

namespace ProductionReady.Logging;

/// <summary>
/// Honours <see cref="ProductionReadyLoggingOptions.Otlp"/>: as the container is built, OpenTelemetry's logger
/// provider registration (whoever added it) is replaced by one that asks the log pipeline, which read the final
/// options, whether events may go there; when not, the logger factory gets a provider that drops every event.
/// When they may, the factory gets OpenTelemetry's own provider instance, so its filter rules
/// (<c>Logging:OpenTelemetry:LogLevel</c>) still apply.
/// </summary>
internal sealed class OtlpLogExport : IBeforeContainerBuild
{
    /// <summary>The standard OpenTelemetry variable that switches OTLP export on.</summary>
    internal const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public void Apply(IServiceCollection services)
    {
        // Without our provider the pipeline is never built by the factory, which the logging validation refuses;
        // building it here would hide that refusal.
        if (!services.Any(IsOurProvider))
        {
            return;
        }

        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ILoggerProvider) || descriptor.IsKeyedService || !IsOpenTelemetryProvider(descriptor))
            {
                continue;
            }

            services[i] = ServiceDescriptor.Singleton<ILoggerProvider>(sp =>
                sp.GetRequiredService<LogPipeline>().ExportsToOpenTelemetry ? Create(descriptor, sp) : NullLoggerProvider.Instance);
        }
    }

    private static bool IsOpenTelemetryProvider(ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance is OpenTelemetryLoggerProvider ||
        descriptor.ImplementationFactory is Func<IServiceProvider, OpenTelemetryLoggerProvider>;

    private static ILoggerProvider Create(ServiceDescriptor descriptor, IServiceProvider services) =>
        descriptor.ImplementationInstance as ILoggerProvider ?? (ILoggerProvider)descriptor.ImplementationFactory!(services);

    private static bool IsOurProvider(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(ILoggerProvider) && ReferenceEquals(descriptor.ImplementationFactory, LoggingHostingExtensions.PipelineProvider);
}
