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
    /// Reads a configured address (<c>10.0.0.5</c>, <c>fd00::1</c>) or CIDR network (<c>10.0.0.0/8</c>); an address
    /// is a one-address network. False with <paramref name="problem"/> saying what is wrong and what was meant: a
    /// network written with host bits (<c>10.0.0.1/8</c>) is a typo, refused with the network it denotes named.
    /// </summary>
    public static bool TryParseNetwork(string? text, out IPNetwork network, out string problem)
    {
        network = default;
        problem = string.Empty;
        var value = text?.Trim() ?? string.Empty;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            if (IPAddress.TryParse(value, out var single) && !value.Contains('%', StringComparison.Ordinal))
            {
                network = new IPNetwork(single, single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
                return true;
            }
        }
        else if (IPAddress.TryParse(value.AsSpan(0, slash), out var address) &&
                 int.TryParse(value.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix) &&
                 prefix <= (address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128) &&
                 !value.Contains('%', StringComparison.Ordinal))
        {
            var masked = Mask(address, prefix);
            if (masked.Equals(address))
            {
                network = new IPNetwork(address, prefix);
                return true;
            }

            // Some runtimes parse it by dropping the host bits silently; either way it is not what was written.
            problem = $"has host bits set after the /{prefix} prefix: write the network as {new IPNetwork(masked, prefix)} (or the address alone, {address}, for one host)";
            return false;
        }

        problem = "is neither an IP address (10.0.0.5) nor a CIDR network (10.0.0.0/8)";
        return false;
    }

    /// <summary>True for a network every address is in (<c>0.0.0.0/0</c>, <c>::/0</c>): "trust everyone".</summary>
    public static bool CoversEveryone(IPNetwork network) => network.PrefixLength == 0;

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
