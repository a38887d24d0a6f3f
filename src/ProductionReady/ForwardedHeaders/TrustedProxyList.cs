using System.Net;
using System.Net.Sockets;
using ProductionReady.Common;

namespace ProductionReady.ForwardedHeaders;

/// <summary>
/// The trusted proxies of the validated options as networks (an address is a /32 or /128 network), built
/// once. It is also the <see cref="ITrustedProxies"/> other capabilities read.
/// </summary>
internal sealed class TrustedProxyList : ITrustedProxies
{
    public TrustedProxyList(IOptions<ProductionReadyForwardedHeadersOptions> options)
    {
        Networks = options.Value.TrustedProxies
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => IPAddresses.TryParseNetwork(p, out var network, out _) ? network : throw new FormatException($"{ProductionReadyForwardedHeadersOptions.SectionName}:TrustedProxies has '{p}', which is not an address or a network."))
            .Distinct()
            .ToArray();
    }

    public IPNetwork[] Networks { get; }

    public bool AnyTrusted => Networks.Length > 0;
}
