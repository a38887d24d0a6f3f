using System.Net;
using System.Net.Sockets;

namespace ProductionReady.Common;

/// <summary>
/// IPv4-mapped IPv6 addresses, the one place that knows them: a dual-mode socket (Kestrel on <c>[::]</c>)
/// reports an IPv4 peer as <c>::ffff:10.0.0.5</c>.
/// </summary>
internal static class IPAddresses
{
    /// <summary>The IPv4 address an IPv4-mapped IPv6 address stands for; any other address as it is.</summary>
    public static IPAddress Unmap(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>
    /// An address (<c>10.0.0.5</c>) or CIDR network (<c>10.0.0.0/8</c>); an IPv4 one also in its IPv4-mapped
    /// IPv6 form, so a peer matches however the socket reports it, without converting the peer per request.
    /// </summary>
    /// <exception cref="FormatException">The text is neither.</exception>
    public static IEnumerable<IPNetwork> ParseNetwork(string text)
    {
        var value = text.Trim();
        IPNetwork network;
        if (value.Contains('/', StringComparison.Ordinal))
        {
            network = IPNetwork.Parse(value);
        }
        else
        {
            var address = IPAddress.Parse(value);
            network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        }

        yield return network;
        if (network.BaseAddress.AddressFamily == AddressFamily.InterNetwork)
        {
            yield return new IPNetwork(network.BaseAddress.MapToIPv6(), network.PrefixLength + 96);
        }
    }
}
