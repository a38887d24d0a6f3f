using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductionReady;
using ProductionReady.Common;
using ProductionReady.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers CLEF JSON logging, request ids and request logging on its own.</summary>
public static class LoggingHostingExtensions
{
    // ASP.NET Core's own per-request events, replaced by the one completion event of
    // UseProductionReadyLogging: raised to Warning unless the configuration sets them.
    private static readonly string[] PerRequestCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Http.Result",
        "Microsoft.AspNetCore.Mvc.Infrastructure",
    ];

    /// <summary>Our logger provider's registration: one delegate, so that it can be recognised among the app's providers.</summary>
    internal static readonly Func<IServiceProvider, ILoggerProvider> PipelineProvider =
        static sp => new PipelineLoggerProvider(sp.GetRequiredService<LogPipeline>());

    /// <summary>
    /// Replaces the framework's console and debug logging providers with a Serilog pipeline (other providers
    /// the app adds, such as OpenTelemetry's, keep receiving every event): CLEF JSON on stdout outside
    /// Development (or when <c>ProductionReady:Logging:Format</c> is <c>Json</c>), readable colored text in
    /// Development; levels from <c>Logging:LogLevel</c>; service name, version and environment on every
    /// event; secrets masked before any logging provider sees them (the app's own providers included). Configured from <c>ProductionReady:Logging</c> and then from <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadyLogging(this IHostApplicationBuilder builder, Action<ProductionReadyLoggingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!CapabilityOptions.Add<ProductionReadyLoggingOptions, ProductionReadyLoggingOptionsValidator>(builder, ProductionReadyLoggingOptions.SectionName, configure, static (section, o) => section.Bind(o)))
        {
            return builder;
        }

        var services = builder.Services;
        ServiceIdentity.Register(services);
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(LogDestination.Stdout);
        services.TryAddSingleton<LogPipelineActivation>();
        services.TryAddSingleton<LogPipeline>();
        services.TryAddSingleton(sp => new SecretMasker(sp.GetService<IKnownSecretValues>()));

        // Secrets are masked once, before every provider (ours, OpenTelemetry's OTLP exporter, any the app adds):
        // the app's logger factory is decorated now, and again just before the container is built in case the
        // app registers a factory of its own after this call.
        MaskingLoggerFactory.Decorate(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBeforeContainerBuild>(new LoggerFactoryMasking()));

        // ProductionReady:Logging:Otlp = false keeps events away from OpenTelemetry's logger provider, however it
        // was added (the metrics capability's UseOtlpExporter(), the app's own AddOpenTelemetry()).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBeforeContainerBuild>(new OtlpLogExport()));

        // Only the framework's own console and debug providers go (ours writes stdout); providers the app
        // added (OpenTelemetry, Application Insights, …), before or after this call, stay and get every event.
        foreach (var descriptor in services.Where(IsDefaultConsoleProvider).ToList())
        {
            services.Remove(descriptor);
        }

        services.AddSingleton(PipelineProvider);

        // Trace and span ids travel as @tr/@sp on every event; the scope copies would only repeat them.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.None);

        foreach (var category in PerRequestCategories)
        {
            if (builder.Configuration[$"Logging:LogLevel:{category}"] is null)
            {
                builder.Logging.AddFilter(category, LogLevel.Warning);
            }
        }

        return builder;
    }

    private static bool IsDefaultConsoleProvider(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(ILoggerProvider) &&
        descriptor.ImplementationType?.FullName is "Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider" or "Microsoft.Extensions.Logging.Debug.DebugLoggerProvider";
}
