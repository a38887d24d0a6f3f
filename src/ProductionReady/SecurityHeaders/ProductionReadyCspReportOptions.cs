namespace ProductionReady;

/// <summary>
/// The built-in CSP violation report endpoint: browsers POST reports to it and each violation is logged
/// as one structured warning event. Every CSP gets <c>report-uri</c> (all browsers, sent at once); with
/// <see cref="ReportingEndpointUrl"/> set it also gets the Reporting API's <c>report-to</c> and the
/// <c>Reporting-Endpoints</c> header, which Chromium then prefers (and batches for up to a minute).
/// </summary>
public sealed class ProductionReadyCspReportOptions
{
    /// <summary>When false, no endpoint is served and no report directive is added. Defaults to true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The path of the endpoint. Defaults to <c>/csp-reports</c>.</summary>
    public string Path { get; set; } = "/csp-reports";

    /// <summary>
    /// The endpoint's absolute URL as browsers reach it (<c>https://api.example.com/csp-reports</c>), to
    /// turn on the Reporting API (<c>report-to</c> and <c>Reporting-Endpoints</c>). Null by default: the
    /// Reporting API wants an absolute, potentially trustworthy URL, which the app cannot know behind a proxy.
    /// </summary>
    public string? ReportingEndpointUrl { get; set; }

    /// <summary>Largest report body accepted, in bytes; larger bodies get 413. Defaults to 16 KiB.</summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Reports accepted per minute by this instance, all clients together; more get 429, so a page that
    /// violates in a loop (or an attacker) cannot flood the logs. Defaults to 60.
    /// </summary>
    public int PermitsPerMinute { get; set; } = 60;

    /// <summary>
    /// Reports accepted per minute from one client address (the connection's peer), so one noisy client
    /// spends its own budget and not everyone's; more get 429. Defaults to 20. Behind a reverse proxy every
    /// client shares the proxy's address unless forwarded headers are applied before the security headers.
    /// </summary>
    public int PermitsPerClientPerMinute { get; set; } = 20;
}
