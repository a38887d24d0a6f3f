using System.Globalization;
using ProductionReady.Common;

namespace ProductionReady.Health;

/// <summary>
/// Where the running instance listens, read from the same configuration Kestrel reads, in Kestrel's
/// order of precedence: <c>Kestrel:Endpoints:*:Url</c>, then <c>urls</c> (ASPNETCORE_URLS, --urls),
/// then <c>http_ports</c>/<c>https_ports</c> (ASPNETCORE_HTTP_PORTS), then Kestrel's default
/// http://localhost:5000. Wildcard hosts become the loopback address; plain HTTP is preferred.
/// </summary>
internal static class ProbeTarget
{
    public static Uri Resolve(IConfiguration configuration) => Resolve(configuration, out _);

    /// <summary>
    /// The address to call; <paramref name="http2Only"/> when that endpoint speaks HTTP/2 alone
    /// (<c>Protocols: Http2</c>, as the gRPC template sets under <c>Kestrel:EndpointDefaults</c>), where an
    /// HTTP/1.1 request gets 400: the probe then speaks HTTP/2 (prior knowledge on plain HTTP). An endpoint
    /// that speaks HTTP/1.1 is preferred, so a probe port of its own (<c>Protocols: Http1</c>) is the one called.
    /// </summary>
    public static Uri Resolve(IConfiguration configuration, out bool http2Only)
    {
        var defaults = configuration["Kestrel:EndpointDefaults:Protocols"];
        var candidates = new List<(string Url, string? Protocols)>();
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                candidates.Add((url, endpoint["Protocols"] ?? defaults));
            }
        }

        if (candidates.Count == 0 && configuration["urls"] is { Length: > 0 } urls)
        {
            candidates.AddRange(Split(urls).Select(u => (u, defaults)));
        }

        if (candidates.Count == 0)
        {
            candidates.AddRange(Split(configuration["http_ports"]).Select(p => ($"http://127.0.0.1:{p}", defaults)));
            candidates.AddRange(Split(configuration["https_ports"]).Select(p => ($"https://127.0.0.1:{p}", defaults)));
        }

        if (candidates.Count == 0)
        {
            candidates.Add(("http://localhost:5000", defaults));
        }

        static bool IsHttp(string url) => url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        var chosen = candidates.Where(c => IsHttp(c.Url) && !IsHttp2Only(c.Protocols)).Select(c => ((string Url, string? Protocols)?)c).FirstOrDefault()
            ?? candidates.Where(c => IsHttp(c.Url)).Select(c => ((string Url, string? Protocols)?)c).FirstOrDefault()
            ?? candidates[0];
        http2Only = IsHttp2Only(chosen.Protocols);
        return ToLoopback(chosen.Url);
    }

    private static bool IsHttp2Only(string? protocols) => string.Equals(protocols?.Trim(), "Http2", StringComparison.OrdinalIgnoreCase);

    /// <summary>Turns a Kestrel binding address (http://*:8080, http://+:80, http://[::]:80) into an address to call.</summary>
    public static Uri ToLoopback(string address)
    {
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            throw new FormatException($"'{address}' is not a URL Kestrel can listen on (expected scheme://host:port).");
        }

        var scheme = address[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            throw new FormatException($"'{address}' uses the scheme '{scheme}'; --probe supports http and https.");
        }

        var rest = address[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        if (authority.StartsWith("unix:", StringComparison.OrdinalIgnoreCase) || authority.StartsWith("pipe:", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{address}' is a Unix socket or named pipe; --probe calls TCP addresses only.");
        }

        var host = HostAuthority.Split(authority, out var portText).ToString();
        var port = portText.ToString();
        host = host switch
        {
            "*" or "+" or "0.0.0.0" or "" => "127.0.0.1",
            "[::]" => "[::1]",
            _ when string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) => "127.0.0.1",
            _ => host,
        };

        var portNumber = string.IsNullOrEmpty(port)
            ? (scheme == "https" ? 443 : 80)
            : int.Parse(port, NumberStyles.None, CultureInfo.InvariantCulture);
        return new Uri($"{scheme}://{host}:{portNumber.ToString(CultureInfo.InvariantCulture)}/");
    }

    private static string[] Split(string? list) =>
        (list ?? string.Empty).Split(';', ',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
