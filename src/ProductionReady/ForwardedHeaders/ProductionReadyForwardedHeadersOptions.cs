using Microsoft.AspNetCore.HttpOverrides;

namespace ProductionReady;

/// <summary>
/// Trusted reverse proxies, bound from <c>ProductionReady:ForwardedHeaders</c>. A request whose connection
/// comes from one of <see cref="TrustedProxies"/> has its <c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>
/// and <c>X-Forwarded-Host</c> applied, so the client address, scheme and host seen by everything after
/// (request logging, rate limits, HSTS, the app) are the real client's. From any other peer they are ignored.
/// </summary>
public sealed class ProductionReadyForwardedHeadersOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "ProductionReady:ForwardedHeaders";

    /// <summary>
    /// Addresses (<c>10.0.0.5</c>, <c>fd00::1</c>) and CIDR networks (<c>10.0.0.0/8</c>) of the reverse
    /// proxies in front of the app (load balancer, ingress controller). Empty by default: forwarded headers
    /// are then ignored from everyone, as any caller can write them.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>
    /// Why trusting every address (<c>0.0.0.0/0</c>, <c>::/0</c> in <see cref="TrustedProxies"/>) is right for this
    /// deployment, e.g. "only the platform's front end can reach the app". Outside Development such an entry is
    /// refused at startup unless a reason is given; with one, the app starts and logs a warning quoting it.
    /// </summary>
    public string? TrustAnyAddressReason { get; set; }

    /// <summary>
    /// The most proxies a request may have passed through. The entries of <c>X-Forwarded-For</c> are read
    /// from the right, and each further entry only while the hop that added it is itself trusted: the first
    /// untrusted address is the client. Defaults to 3 (e.g. CDN, load balancer, ingress); between 1 and 20.
    /// </summary>
    public int ForwardLimit { get; set; } = 3;

    /// <summary>
    /// The forwarded headers applied. Defaults to <c>XForwardedFor, XForwardedProto, XForwardedHost</c>.
    /// </summary>
    public Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders Headers { get; set; } = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedHost;
}
