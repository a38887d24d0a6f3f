using System.Collections.Concurrent;

namespace ProductionReady.Logging;

/// <summary>
/// The app's <see cref="ILoggerFactory"/>, decorated so that every logger it creates masks secrets once, before
/// any logging provider sees the event: ours (stdout), OpenTelemetry's (OTLP), Application Insights' or any other
/// an app adds. Providers filter and write as before; only what they are handed is masked.
/// </summary>
internal sealed class MaskingLoggerFactory : ILoggerFactory
{
    private readonly ILoggerFactory _inner;
    private readonly SecretMasker _masker;
    private readonly ConcurrentDictionary<string, MaskingLogger> _loggers = new(StringComparer.Ordinal);

    public MaskingLoggerFactory(ILoggerFactory inner, SecretMasker masker)
    {
        _inner = inner;
        _masker = masker;
    }

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (category, factory) => new MaskingLogger(factory._inner.CreateLogger(category), factory._masker), this);

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    public void Dispose() => _inner.Dispose();

    /// <summary>
    /// Decorates the last <see cref="ILoggerFactory"/> registration of <paramref name="services"/>, unless it is
    /// decorated already: called when logging is added, and again just before the container is built, so that a
    /// factory the app registers afterwards (for example <c>AddExtendedLogging()</c>) is decorated too.
    /// </summary>
    public static void Decorate(IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ILoggerFactory) || descriptor.IsKeyedService)
            {
                continue;
            }

            if (descriptor.ImplementationFactory?.Target is not Decoration)
            {
                services[i] = ServiceDescriptor.Singleton<ILoggerFactory>(new Decoration(descriptor).Create);
            }

            return;
        }
    }

    /// <summary>The decorated registration: creates the factory the app registered, and wraps it.</summary>
    private sealed class Decoration
    {
        private readonly ServiceDescriptor _inner;

        public Decoration(ServiceDescriptor inner) => _inner = inner;

        public MaskingLoggerFactory Create(IServiceProvider services) =>
            new(CreateInner(services), services.GetRequiredService<SecretMasker>());

        private ILoggerFactory CreateInner(IServiceProvider services) => _inner switch
        {
            { ImplementationInstance: ILoggerFactory instance } => instance,
            { ImplementationFactory: { } factory } => (ILoggerFactory)factory(services),

            // The host's own registration (AddLogging): built with the constructor the container would choose.
            { ImplementationType: { } type } when type == typeof(LoggerFactory) => new LoggerFactory(
                services.GetServices<ILoggerProvider>(),
                services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                services.GetService<IOptions<LoggerFactoryOptions>>(),
                services.GetService<IExternalScopeProvider>()),
            { ImplementationType: { } type } => (ILoggerFactory)ActivatorUtilities.CreateInstance(services, type),
            _ => throw new InvalidOperationException("The registered ILoggerFactory cannot be created."),
        };
    }
}
