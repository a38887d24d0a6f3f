namespace ProductionReady;

/// <summary>
/// The built-in CSP violation report endpoint: browsers POST reports to it (<c>report-uri</c> and the
/// Reporting API's <c>Reporting-Endpoints</c>); each violation is logged as one structured warning event.
/// </summary>
public sealed class CspReportOptions
{
    /// <summary>When false, no endpoint is served and no report directive is added. Defaults to true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The path of the endpoint. Defaults to <c>/csp-reports</c>.</summary>
    public string Path { get; set; } = "/csp-reports";

    /// <summary>Largest report body accepted, in bytes; larger bodies get 413. Defaults to 16 KiB.</summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Reports accepted per minute by this instance, all clients together; more get 429, so a page that
    /// violates in a loop (or an attacker) cannot flood the logs. Defaults to 60.
    /// </summary>
    public int PermitsPerMinute { get; set; } = 60;
}
