using Microsoft.AspNetCore.Http;

namespace ProductionReady;

/// <summary>
/// Hardening of every cookie the app issues (<c>Set-Cookie</c>), whichever component issued it:
/// <c>Secure</c> over HTTPS, <c>HttpOnly</c>, and <c>SameSite</c> when the cookie says none.
/// </summary>
public sealed class ProductionReadyCookieHardeningOptions
{
    /// <summary>When false, cookies are left as issued. Defaults to true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Adds <c>Secure</c> to cookies issued over HTTPS (including HTTPS a trusted proxy terminated). Defaults to true.</summary>
    public bool Secure { get; set; } = true;

    /// <summary>Adds <c>HttpOnly</c> so scripts cannot read cookies. Defaults to true.</summary>
    public bool HttpOnly { get; set; } = true;

    /// <summary>Cookies scripts must read (e.g. an SPA's <c>XSRF-TOKEN</c>): they do not get <c>HttpOnly</c>.</summary>
    public List<string> HttpOnlyExceptions { get; set; } = [];

    /// <summary>The SameSite mode for cookies that set none. Defaults to <see cref="SameSiteMode.Lax"/>; <see cref="SameSiteMode.Unspecified"/> leaves them.</summary>
    public SameSiteMode SameSite { get; set; } = SameSiteMode.Lax;
}
