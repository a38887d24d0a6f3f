namespace ProductionReady.Health;

/// <summary>
/// Every log event of the health probes. State changes are logged once, at Warning or above;
/// each probe's own answer only at Debug, so probes never flood the log.
/// </summary>
internal static partial class HealthLog
{
    public const string Category = "ProductionReady.Health";

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Probe {Probe} answered {StatusCode} ({Status})")]
    public static partial void ProbeAnswered(ILogger logger, ProbeKind probe, int statusCode, Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus status);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Health check {Check} is now {Status} (was {Previous}): {Description}")]
    public static partial void CheckUnhealthy(ILogger logger, string check, string status, string previous, string? description, Exception? exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Health check {Check} is now {Status} (was {Previous}): {Description}")]
    public static partial void CheckChanged(ILogger logger, string check, string status, string previous, string? description);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Critical, Message = "The app declared itself broken: {Reason}. Liveness now answers 503")]
    public static partial void MarkedBroken(ILogger logger, string reason);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Shutdown began: readiness now answers 503; the server keeps serving for the drain delay of {DrainDelayMs} ms")]
    public static partial void Stopping(ILogger logger, double drainDelayMs);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Startup work completed: the startup probe now answers 200")]
    public static partial void StartupWorkCompleted(ILogger logger);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Critical, Message = "Startup work {Work} failed: the startup probe stays 503 and liveness answers 503")]
    public static partial void StartupWorkFailed(ILogger logger, string work, Exception exception);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Drain delay over: the server stops now")]
    public static partial void DrainCompleted(ILogger logger);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "The shutdown timeout cut the drain delay short")]
    public static partial void DrainCutShort(ILogger logger);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "The app has no web server: ProductionReady answers the health probes itself on port {Port} (HTTP/1.1, every interface; ProductionReady:Health:Port)")]
    public static partial void WorkerProbesListening(ILogger logger, int port);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "ProductionReady:Health:Port is set ({Port}), but the app has a web server of its own, which answers the probes on its own port: the setting is ignored; remove it")]
    public static partial void PortIgnored(ILogger logger, int port);
}
