namespace ProductionReady;

/// <summary>
/// Security header options. Bound from the <c>ProductionReady:SecurityHeaders</c> configuration section,
/// then from code. The defaults are the OWASP-grade values in the README; every header can be changed or
/// turned off (an empty string sends no header).
/// </summary>
public sealed class ProductionReadySecurityHeadersOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ProductionReady:SecurityHeaders";

    /// <summary>The name of the built-in API profile, usable with <c>WithSecurityHeaders("api")</c>.</summary>
    public const string ApiPolicyName = "api";

    /// <summary>The name of the built-in HTML profile, usable with <c>WithSecurityHeaders("html")</c>.</summary>
    public const string HtmlPolicyName = "html";

    /// <summary>
    /// The name of the built-in policy for Swagger UI (Swashbuckle's <c>UseSwaggerUI</c>), e.g.
    /// <c>PathPolicies["/swagger"] = "swagger-ui"</c>. It changes only the HTML profile's CSP.
    /// </summary>
    public const string SwaggerUiPolicyName = "swagger-ui";

    /// <summary>
    /// The name of the built-in policy for Scalar's API reference, e.g.
    /// <c>app.MapScalarApiReference().WithSecurityHeaders("scalar")</c>. It changes only the HTML profile's CSP.
    /// </summary>
    public const string ScalarPolicyName = "scalar";

    /// <summary>
    /// The name of the built-in policy the developer exception page's HTML gets (its styles and tabs are
    /// inline). Applied wherever the framework renders that page; define a policy of this name to change it.
    /// </summary>
    public const string DeveloperExceptionPagePolicyName = "developer-exception-page";

    /// <summary>When false, no header is added or removed and no CSP report endpoint is mapped. Defaults to true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Changes to the API profile, used for every response whose content type is not HTML
    /// (JSON, problem details, plain text, files, empty bodies). Unset values keep the defaults.
    /// </summary>
    public SecurityHeaderPolicy Api { get; set; } = new();

    /// <summary>
    /// Changes to the HTML profile, used for <c>text/html</c> and <c>application/xhtml+xml</c> responses:
    /// a strict, nonce-based Content-Security-Policy. Unset values keep the defaults.
    /// </summary>
    public SecurityHeaderPolicy Html { get; set; } = new();

    /// <summary>
    /// Named policies that endpoints opt into with <c>.WithSecurityHeaders("name")</c> or
    /// <c>[SecurityHeadersPolicy("name")]</c>, e.g. a looser CSP for a documentation UI. A named policy
    /// changes the profile chosen by the response's content type; unset values keep that profile's values.
    /// </summary>
    public Dictionary<string, SecurityHeaderPolicy> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Named policies by path prefix, for pages served by middleware rather than by an endpoint (so that
    /// <c>WithSecurityHeaders</c> cannot reach them), e.g. <c>{ "/swagger": "swagger-ui" }</c> for
    /// Swashbuckle's <c>UseSwaggerUI</c>. A prefix matches whole segments (<c>/swagger</c> matches
    /// <c>/swagger/index.html</c>, not <c>/swaggerish</c>); the longest prefix wins; an endpoint's own policy wins over it.
    /// </summary>
    public Dictionary<string, string> PathPolicies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Sends every Content-Security-Policy as <c>Content-Security-Policy-Report-Only</c>: violations are
    /// reported, nothing is blocked. For rolling out a policy; a policy can override it. Defaults to false.
    /// </summary>
    public bool CspReportOnly { get; set; }

    /// <summary>Strict-Transport-Security, sent on HTTPS responses only.</summary>
    public ProductionReadyHstsOptions Hsts { get; set; } = new();

    /// <summary>The built-in CSP violation report endpoint.</summary>
    public ProductionReadyCspReportOptions CspReports { get; set; } = new();

    /// <summary>Hardening of the cookies the app issues (Secure over HTTPS, HttpOnly, SameSite=Lax).</summary>
    public ProductionReadyCookieHardeningOptions Cookies { get; set; } = new();

    /// <summary>
    /// Response headers removed because they leak the server's software and version (OWASP). Kestrel's
    /// <c>Server</c> header is turned off at its source (<c>AddServerHeader = false</c>) as well.
    /// </summary>
    public List<string> RemoveHeaders { get; set; } = ["Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version"];
}
