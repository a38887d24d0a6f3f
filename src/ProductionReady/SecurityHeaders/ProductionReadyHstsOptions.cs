namespace ProductionReady;

/// <summary>Strict-Transport-Security options. The header is sent on HTTPS responses only.</summary>
public sealed class ProductionReadyHstsOptions
{
    /// <summary>When false, no Strict-Transport-Security header is sent. Defaults to true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long browsers remember to use HTTPS only. Defaults to two years (730 days, <c>max-age=63072000</c>), as the
    /// OWASP Secure Headers Project and the browsers' preload list ask.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Adds <c>includeSubDomains</c>. Defaults to true.</summary>
    public bool IncludeSubDomains { get; set; } = true;

    /// <summary>Adds <c>preload</c> (only once the domain is ready for the browsers' preload lists). Defaults to false.</summary>
    public bool Preload { get; set; }

    /// <summary>
    /// Hosts that never get the header (a developer's browser would remember HSTS for them). Defaults to
    /// <c>localhost</c>; IP addresses need no entry, as browsers ignore HSTS for them. Clear it to send HSTS everywhere.
    /// </summary>
    public List<string> ExcludedHosts { get; set; } = ["localhost"];
}
