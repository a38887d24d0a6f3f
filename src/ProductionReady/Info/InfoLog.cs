namespace ProductionReady.Info;

/// <summary>The info capability's events: every change of a log level and every fall back, for the audit trail.</summary>
internal static partial class InfoLog
{
    /// <summary>The category of the events.</summary>
    public const string Category = "ProductionReady.Info";

    // The level is passed as text: a LogLevel parameter would be taken as the event's own level.
    [LoggerMessage(EventId = 11001, EventName = "LogLevelChanged", Level = LogLevel.Warning,
        Message = "Log level of {Category} set to {Level} by {Caller} until {Until:O}; it falls back by itself then")]
    public static partial void LogLevelChanged(ILogger logger, string category, string level, string caller, DateTimeOffset until);

    [LoggerMessage(EventId = 11002, EventName = "LogLevelRestored", Level = LogLevel.Warning,
        Message = "Log level of {Category} fell back to the configured level: the {Level} set until {Until:O} ended")]
    public static partial void LogLevelRestored(ILogger logger, string category, string level, DateTimeOffset until);
}
