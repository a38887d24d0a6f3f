namespace ProductionReady.Headers;

/// <summary>The built-in header values of the two profiles (README: "Security headers").</summary>
internal static class SecurityHeaderDefaults
{
    /// <summary>
    /// Denies every powerful feature. Only features Chromium and Firefox recognise: an unknown one
    /// costs a console warning on every page.
    /// </summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), " +
        "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), " +
        "publickey-credentials-get=(), screen-wake-lock=(), sync-xhr=(), usb=(), xr-spatial-tracking=()";

    /// <summary>An API response loads nothing and is framed by nobody.</summary>
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// A strict, nonce-based policy. <c>'strict-dynamic'</c> makes CSP3 browsers trust only the nonce
    /// (and what nonce'd scripts load), ignoring <c>'self'</c>; when no nonce was asked for during the
    /// response, the nonce and <c>'strict-dynamic'</c> are dropped and same-origin script files still load.
    /// </summary>
    public const string HtmlContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'strict-dynamic'; style-src 'self' 'nonce-{nonce}'; " +
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static SecurityHeaderPolicy Api { get; } = new()
    {
        ContentSecurityPolicy = ApiContentSecurityPolicy,
        XContentTypeOptions = "nosniff",
        XFrameOptions = "DENY",
        ReferrerPolicy = "no-referrer",
        CrossOriginOpenerPolicy = "same-origin",
        CrossOriginResourcePolicy = "same-origin",
        CrossOriginEmbedderPolicy = string.Empty,
        PermissionsPolicy = PermissionsPolicy,
        XXssProtection = "0",
        XPermittedCrossDomainPolicies = "none",
    };

    /// <summary>The API profile with a page's CSP and a referrer policy that keeps same-origin navigation useful.</summary>
    public static SecurityHeaderPolicy Html { get; } = Merge(Api, new()
    {
        ContentSecurityPolicy = HtmlContentSecurityPolicy,
        ReferrerPolicy = "strict-origin-when-cross-origin",
    });

    /// <summary>The header each property of <see cref="SecurityHeaderPolicy"/> sets, CSP aside.</summary>
    public static IEnumerable<(string Name, string? Value)> Headers(SecurityHeaderPolicy p)
    {
        yield return ("X-Content-Type-Options", p.XContentTypeOptions);
        yield return ("X-Frame-Options", p.XFrameOptions);
        yield return ("Referrer-Policy", p.ReferrerPolicy);
        yield return ("Cross-Origin-Opener-Policy", p.CrossOriginOpenerPolicy);
        yield return ("Cross-Origin-Resource-Policy", p.CrossOriginResourcePolicy);
        yield return ("Cross-Origin-Embedder-Policy", p.CrossOriginEmbedderPolicy);
        yield return ("Permissions-Policy", p.PermissionsPolicy);
        yield return ("X-XSS-Protection", p.XXssProtection);
        yield return ("X-Permitted-Cross-Domain-Policies", p.XPermittedCrossDomainPolicies);
    }

    /// <summary><paramref name="overlay"/>'s set values over <paramref name="basis"/>'s.</summary>
    public static SecurityHeaderPolicy Merge(SecurityHeaderPolicy basis, SecurityHeaderPolicy? overlay) => overlay is null ? basis : new()
    {
        ContentSecurityPolicy = overlay.ContentSecurityPolicy ?? basis.ContentSecurityPolicy,
        CspReportOnly = overlay.CspReportOnly ?? basis.CspReportOnly,
        XContentTypeOptions = overlay.XContentTypeOptions ?? basis.XContentTypeOptions,
        XFrameOptions = overlay.XFrameOptions ?? basis.XFrameOptions,
        ReferrerPolicy = overlay.ReferrerPolicy ?? basis.ReferrerPolicy,
        CrossOriginOpenerPolicy = overlay.CrossOriginOpenerPolicy ?? basis.CrossOriginOpenerPolicy,
        CrossOriginResourcePolicy = overlay.CrossOriginResourcePolicy ?? basis.CrossOriginResourcePolicy,
        CrossOriginEmbedderPolicy = overlay.CrossOriginEmbedderPolicy ?? basis.CrossOriginEmbedderPolicy,
        PermissionsPolicy = overlay.PermissionsPolicy ?? basis.PermissionsPolicy,
        XXssProtection = overlay.XXssProtection ?? basis.XXssProtection,
        XPermittedCrossDomainPolicies = overlay.XPermittedCrossDomainPolicies ?? basis.XPermittedCrossDomainPolicies,
    };
}
