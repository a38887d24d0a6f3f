using ProductionReady.Common;

namespace ProductionReady.Logging;

/// <summary>
/// Decorates the logger factory once more as the container is built: a factory the app registered after
/// <c>AddProductionReadyLogging()</c> (Microsoft.Extensions.Telemetry's <c>AddExtendedLogging()</c>, for one) masks too.
/// </summary>
internal sealed class LoggerFactoryMasking : IBeforeContainerBuild
{
    public void Apply(IServiceCollection services) => MaskingLoggerFactory.Decorate(services);
}
