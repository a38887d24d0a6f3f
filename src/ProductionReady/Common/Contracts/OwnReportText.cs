namespace ProductionReady.Common;

/// <summary>
/// The contract "this log property is ProductionReady's own report": the multi-line text of the startup
/// report and of the secret report, written by ProductionReady from configuration keys and its own words,
/// never from request data. Text logs, which escape line breaks and other control characters so that a
/// request cannot forge a line, keep this one's line breaks (and those of its event's own message template),
/// so the report reads as a report on a developer's console. Set by the capabilities that report (under a
/// <c>ProductionReady.</c> category), read by Logging.
/// </summary>
internal static class OwnReportText
{
    /// <summary>The name of the property that holds the report.</summary>
    public const string PropertyName = "Report";

    /// <summary>The category prefix of ProductionReady's own events.</summary>
    public const string CategoryPrefix = "ProductionReady.";
}
