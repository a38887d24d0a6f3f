using System.Net;

namespace ProductionReady.Metrics;

/// <summary>
/// Validates <see cref="MetricsOptions"/> at startup; every message starts with the full configuration key
/// and says what to do. Whether the path collides with another is judged by the one reserved-paths check.
/// </summary>
internal sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    private const string Section = MetricsOptions.SectionName;
    private static readonly System.Buffers.SearchValues<char> ForbiddenInPath = System.Buffers.SearchValues.Create("?# \"';,");

    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var path = options.Path;
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.Length == 1 || path.AsSpan().IndexOfAny(ForbiddenInPath) >= 0)
        {
            failures.Add($"{Section}:Path ('{path}') must be a path starting with '/', without query, quotes, spaces, ';' or ','; e.g. {MetricsOptions.DefaultPath}.");
        }

        if (options.Port is { } port && port is < 1 or > 65535)
        {
            failures.Add($"{Section}:Port ({port}) must be a TCP port between 1 and 65535, or be removed to answer on the app's own port.");
        }

        switch (options.Access)
        {
            case MetricsAccess.LoopbackOnly:
                break;
            case MetricsAccess.Networks:
                if (options.AllowedNetworks.Count == 0)
                {
                    failures.Add($"{Section}:AllowedNetworks is empty while {Section}:Access is Networks: list the scraper's networks (e.g. 10.0.0.0/8), or set Access to LoopbackOnly.");
                }

                for (var i = 0; i < options.AllowedNetworks.Count; i++)
                {
                    if (!TryParseNetwork(options.AllowedNetworks[i], out _))
                    {
                        failures.Add($"{Section}:AllowedNetworks:{i} ('{options.AllowedNetworks[i]}') is neither an IP address (10.0.0.5) nor a CIDR network (10.0.0.0/8).");
                    }
                }

                break;
            case MetricsAccess.AuthorizationPolicy:
                if (string.IsNullOrWhiteSpace(options.AuthorizationPolicy))
                {
                    failures.Add($"{Section}:AuthorizationPolicy is empty while {Section}:Access is AuthorizationPolicy: name the policy a scraper must satisfy, registered with builder.Services.AddAuthorization(...).");
                }

                break;
            default:
                failures.Add($"{Section}:Access ({options.Access}) must be LoopbackOnly, Networks or AuthorizationPolicy.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>A CIDR network, or a single address as a one-address network.</summary>
    internal static bool TryParseNetwork(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (IPNetwork.TryParse(text, out network))
        {
            return true;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }
}
