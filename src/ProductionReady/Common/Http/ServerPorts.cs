using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ProductionReady.Common;

/// <summary>
/// The TCP ports the app's server will listen on, read from the settings the host reads them from
/// (<c>urls</c>, <c>http_ports</c>, <c>https_ports</c>, <c>Kestrel:Endpoints:*:Url</c>), and whether a port is
/// already taken by another process: so that a port of ours that collides is refused with the report, before
/// the server binds, rather than ending in a bind failure and a stack trace.
/// </summary>
internal static class ServerPorts
{
    // Kestrel's own default when nothing names an address: http://localhost:5000.
    private const int KestrelDefaultPort = 5000;

    /// <summary>Each port the app listens on, with the setting that names it.</summary>
    public static IReadOnlyList<(int Port, string Setting)> FromConfiguration(IConfiguration configuration)
    {
        var ports = new List<(int, string)>();
        foreach (var url in Split(configuration["urls"]))
        {
            if (PortOf(url) is { } port)
            {
                ports.Add((port, "urls (ASPNETCORE_URLS, --urls)"));
            }
        }

        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            foreach (var value in Split(configuration[key]))
            {
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
                {
                    ports.Add((port, $"{key} (ASPNETCORE_{key.ToUpperInvariant()})"));
                }
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (PortOf(endpoint["Url"]) is { } port)
            {
                ports.Add((port, endpoint.Path + ":Url"));
            }
        }

        if (ports.Count == 0)
        {
            ports.Add((KestrelDefaultPort, "Kestrel's default address (http://localhost:5000)"));
        }

        return ports;
    }

    /// <summary>True when another socket already listens on <paramref name="port"/> (any address).</summary>
    public static bool IsInUse(int port)
    {
        try
        {
            using var socket = Socket.OSSupportsIPv6
                ? new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true }
                : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any, port));
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            // Not ours to judge (e.g. a privileged port for an unprivileged user): the server reports it when it binds.
            return false;
        }
    }

    private static string[] Split(string? value) =>
        value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    // http://host:port, http://*:port, http://+:port, http://[::]:port; a URL without a port has its scheme's.
    private static int? PortOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return null;
        }

        var authority = url.AsSpan(scheme + 3);
        var slash = authority.IndexOf('/');
        authority = slash < 0 ? authority : authority[..slash];
        HostAuthority.Split(authority, out var port);
        if (port.IsEmpty)
        {
            return url.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
        }

        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
