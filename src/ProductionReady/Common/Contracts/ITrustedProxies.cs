namespace ProductionReady.Common;

/// <summary>
/// Whether the app applies forwarded headers from reverse proxies it was told to trust. Provided by the
/// trusted-proxies capability (ForwardedHeaders); read by the security headers, whose "no HTTPS in Production" warning
/// must stay quiet behind a TLS-terminating proxy (a Kubernetes ingress) that the app trusts.
/// </summary>
internal interface ITrustedProxies
{
    /// <summary>True when at least one proxy address or network is trusted.</summary>
    bool AnyTrusted { get; }
}
