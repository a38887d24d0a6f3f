namespace ProductionReady;

/// <summary>
/// The values of the security headers of one policy. A null value keeps the value of the profile it
/// changes (the built-in default); an empty string sends no such header.
/// </summary>
public sealed class SecurityHeaderPolicy
{
    /// <summary>
    /// Content-Security-Policy. <c>{nonce}</c> stands for the per-request nonce
    /// (e.g. <c>script-src 'nonce-{nonce}' 'strict-dynamic'</c>); the report directives of the built-in
    /// report endpoint are appended when it is enabled and the policy has none of its own.
    /// </summary>
    public string? ContentSecurityPolicy { get; set; }

    /// <summary>Sends the CSP as <c>Content-Security-Policy-Report-Only</c>. Null keeps <see cref="ProductionReadySecurityHeadersOptions.CspReportOnly"/>.</summary>
    public bool? CspReportOnly { get; set; }

    /// <summary>X-Content-Type-Options (default <c>nosniff</c>).</summary>
    public string? XContentTypeOptions { get; set; }

    /// <summary>X-Frame-Options (default <c>DENY</c>), for browsers without CSP frame-ancestors.</summary>
    public string? XFrameOptions { get; set; }

    /// <summary>Referrer-Policy (default <c>no-referrer</c> for APIs, <c>strict-origin-when-cross-origin</c> for HTML).</summary>
    public string? ReferrerPolicy { get; set; }

    /// <summary>Cross-Origin-Opener-Policy (default <c>same-origin</c>).</summary>
    public string? CrossOriginOpenerPolicy { get; set; }

    /// <summary>Cross-Origin-Resource-Policy (default <c>same-origin</c>).</summary>
    public string? CrossOriginResourcePolicy { get; set; }

    /// <summary>Cross-Origin-Embedder-Policy (not sent by default: <c>require-corp</c> breaks cross-origin images).</summary>
    public string? CrossOriginEmbedderPolicy { get; set; }

    /// <summary>Permissions-Policy (default: every powerful feature denied).</summary>
    public string? PermissionsPolicy { get; set; }

    /// <summary>X-XSS-Protection (default <c>0</c>: the legacy auditor caused vulnerabilities of its own).</summary>
    public string? XXssProtection { get; set; }

    /// <summary>X-Permitted-Cross-Domain-Policies (default <c>none</c>).</summary>
    public string? XPermittedCrossDomainPolicies { get; set; }

    /// <summary>
    /// Cache-Control (default <c>no-store</c> for APIs, none for HTML): sent only on a response that states no caching
    /// of its own (no <c>Cache-Control</c>, <c>Expires</c>, <c>ETag</c> or <c>Last-Modified</c>: static files carry
    /// validators and keep their caching), so no shared or browser cache keeps an API's answer.
    /// </summary>
    public string? CacheControl { get; set; }
}
