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
            .Select(p => TryParse(p, out var network) ? network : throw new FormatException($"{ProductionReadyForwardedHeadersOptions.SectionName}:TrustedProxies has '{p}', which is not an address or a network."))
            .Distinct()
            .ToArray();
    }

    public IPNetwork[] Networks { get; }

    public bool AnyTrusted => Networks.Length > 0;

    /// <summary>Reads <c>10.0.0.5</c>, <c>10.0.0.0/8</c>, <c>fd00::1</c> or <c>fd00::/8</c>.</summary>
    public static bool TryParse(string text, out IPNetwork network) => IPAddresses.TryParseNetwork(text, out network, out _);
}
