namespace ProductionReady.SecurityHeaders;

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
    /// A nonce-based policy that real pages survive: same-origin script and style files (a layout's
    /// jQuery, Bootstrap, site.js) load through <c>'self'</c>, inline script runs only with the nonce.
    /// No <c>'strict-dynamic'</c> by default: under it browsers ignore <c>'self'</c>, so one nonce'd inline
    /// script on a page would silently disable every <c>&lt;script src&gt;</c> without a nonce. An app
    /// that nonces all its scripts (the Razor tag helper does) can opt in through its own CSP.
    /// <c>base-uri 'self'</c> (OWASP's value for apps that use <c>&lt;base&gt;</c>): Blazor and SPA templates
    /// write <c>&lt;base href="/"&gt;</c>, and under <c>'none'</c> every relative URL of a nested route resolves
    /// under the route. An injected <c>&lt;base&gt;</c> still cannot point at another origin.
    /// </summary>
    public const string HtmlContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; " +
        "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Swagger UI (Swashbuckle): its files are same-origin, but React sets inline styles. Scripts stay
    /// <c>'self'</c> only.
    /// </summary>
    public const string SwaggerUiContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Scalar (<c>MapScalarApiReference</c>): one inline module script carries the page's configuration,
    /// the bundle evaluates code at run time (Chromium reports <c>eval</c> from scalar.js), sets inline styles
    /// and uses blob: workers; fonts come from Scalar's font host unless turned off.
    /// </summary>
    public const string ScalarContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data: https://fonts.scalar.com; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The developer exception page (Development only): its tabs and styles are inline, without a nonce.
    /// Nothing else is allowed: no other origin, no framing.
    /// </summary>
    public const string DeveloperExceptionPageContentSecurityPolicy =
        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

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
        CacheControl = "no-store",
    };

    /// <summary>The API profile with a page's CSP and a referrer policy that keeps same-origin navigation useful.</summary>
    public static SecurityHeaderPolicy Html { get; } = Merge(Api, new()
    {
        ContentSecurityPolicy = HtmlContentSecurityPolicy,
        ReferrerPolicy = "strict-origin-when-cross-origin",

        // Pages decide their own caching (a public page may be cached; one with personal data says so).
        CacheControl = string.Empty,
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
        yield return (CompiledHeaderSet.CacheControl, p.CacheControl);
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
        CacheControl = overlay.CacheControl ?? basis.CacheControl,
    };
}
