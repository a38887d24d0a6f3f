namespace ProductionReady.Common;

/// <summary>The log event of the startup report (event ids 1000–1099).</summary>
internal static partial class StartupReportLog
{
    public const string Category = "ProductionReady.Startup";

    /// <summary>The one event of a refused configuration; the same text as on stderr.</summary>
    [LoggerMessage(EventId = 1001, EventName = "ConfigurationRefused", Level = LogLevel.Critical,
        Message = "The configuration was refused with {ProblemCount} problem(s); the host will not start: {Problems}\n{Report}")]
    public static partial void Refused(ILogger logger, int problemCount, string[] problems, string report);

    /// <summary>An app's own health-check endpoint sits on a probe path: the probe answers it.</summary>
    [LoggerMessage(EventId = 1002, EventName = "HealthEndpointAnsweredByProbe", Level = LogLevel.Information,
        Message = "The app maps its own health-check endpoint {Endpoint} on {Path}, which {ConfigurationKey} also sets: the ProductionReady probe answers that path (it runs first); move one of them to keep both")]
    public static partial void HealthEndpointShadowed(ILogger logger, string endpoint, string path, string configurationKey);

    /// <summary>A valid setting that weakens the service where it runs (<see cref="ISettingWarnings"/>); once per start.</summary>
    [LoggerMessage(EventId = 1003, EventName = "DangerousSetting", Level = LogLevel.Warning,
        Message = "{ConfigurationKey}: {Warning}")]
    public static partial void DangerousSetting(ILogger logger, string configurationKey, string warning);
}
