namespace ProductionReady.Common;

/// <summary>What went wrong, from a security point of view, with one request (OWASP ASVS 16.3).</summary>
internal enum SecurityEvent
{
    /// <summary>The request was answered 401: missing or wrong credentials (a failed login).</summary>
    AuthenticationFailed,

    /// <summary>The request was answered 403: an authenticated caller was refused.</summary>
    AuthorizationFailed,

    /// <summary>A CORS preflight from an origin the policy does not allow.</summary>
    CorsPreflightRefused,

    /// <summary>A browser reported a Content-Security-Policy violation.</summary>
    CspViolation,
}

/// <summary>
/// The contract "count this security event and summarise it per client" (filled by SecurityEvents, fed by
/// the capabilities that see such events, e.g. Headers' CSP report endpoint). Optional: when nothing fills it,
/// the feeding capability does nothing more.
/// </summary>
internal interface ISecurityEvents
{
    /// <summary>Counts <paramref name="securityEvent"/> for the client of <paramref name="context"/>.</summary>
    void Record(SecurityEvent securityEvent, HttpContext context);
}
