namespace ProductionReady.SecurityHeaders;

/// <summary>The security headers' log events (source-generated: no allocation when the level is off).</summary>
internal static partial class SecurityHeadersLog
{
    public const string Category = "ProductionReady.SecurityHeaders";

    [LoggerMessage(EventId = 5001, EventName = "SecurityHeadersPolicy", Level = LogLevel.Information,
        Message = "Security headers: {Profiles} send {HeaderNames}; CSP reports at {ReportPath}; values at Debug")]
    public static partial void Summary(ILogger logger, string profiles, string headerNames, string reportPath);

    [LoggerMessage(EventId = 5004, EventName = "SecurityHeadersPolicyValues", Level = LogLevel.Debug,
        Message = "Security headers policy {Policy} ({Profile} responses): {Headers}")]
    public static partial void EffectivePolicy(ILogger logger, string policy, string profile, string headers);

    [LoggerMessage(EventId = 5002, EventName = "SecurityHeadersTransport", Level = LogLevel.Debug,
        Message = "Security headers: Strict-Transport-Security {Hsts} on HTTPS responses except to hosts {ExcludedHosts}; CSP reports at {ReportPath}; removed headers {RemovedHeaders}")]
    public static partial void EffectiveTransport(ILogger logger, string hsts, string excludedHosts, string reportPath, string removedHeaders);

    [LoggerMessage(EventId = 5003, EventName = "NoHttpsInProduction", Level = LogLevel.Warning,
        Message = "Security headers: this Production app listens on {Addresses} without HTTPS redirection or a trusted TLS-terminating proxy, so Strict-Transport-Security is never sent and cookies are not marked Secure. " +
                  "Call app.UseHttpsRedirection() with an HTTPS endpoint (or set ASPNETCORE_HTTPS_PORTS), or list the TLS-terminating proxy in ProductionReady:ForwardedHeaders:TrustedProxies.")]
    public static partial void NoHttpsInProduction(ILogger logger, string addresses);

    [LoggerMessage(EventId = 5013, EventName = "CookiePrefixUnmet", Level = LogLevel.Warning,
        Message = "Cookie {CookieName}: a __Host- cookie must have Path=/ and no Domain, or browsers refuse to store it; it is sent with {Attribute}. " +
                  "Issue it with Path = \"/\" and without Domain, or drop the __Host- prefix (logged once per cookie name)")]
    public static partial void CookiePrefixUnmet(ILogger logger, string cookieName, string attribute);

    [LoggerMessage(EventId = 5010, EventName = "CspViolation", Level = LogLevel.Warning,
        Message = "CSP violation: {EffectiveDirective} blocked {BlockedUri} on {DocumentUri} ({Disposition}) at {SourceFile}:{LineNumber}, sample {Sample}")]
    public static partial void CspViolation(ILogger logger, string effectiveDirective, string blockedUri, string documentUri, string disposition, string sourceFile, int lineNumber, string sample);

    [LoggerMessage(EventId = 5012, EventName = "CspReportsRefused", Level = LogLevel.Warning,
        Message = "{Refused} CSP reports were refused in the last {WindowSeconds} s: {ByClient} over a client's budget (CspReports:PermitsPerClientPerMinute), {Overall} over the instance's (CspReports:PermitsPerMinute)")]
    public static partial void CspReportsRefused(ILogger logger, long refused, double windowSeconds, long byClient, long overall);

    [LoggerMessage(EventId = 5011, EventName = "CspReportRejected", Level = LogLevel.Debug,
        Message = "CSP report rejected with {StatusCode}: {Reason}")]
    public static partial void CspReportRejected(ILogger logger, int statusCode, string reason);
}
