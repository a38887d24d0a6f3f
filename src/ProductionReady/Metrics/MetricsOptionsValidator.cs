using System.Net;
using ProductionReady.Common;

namespace ProductionReady.Metrics;

/// <summary>
/// Validates <see cref="ProductionReadyMetricsOptions"/> at startup; every message starts with the full configuration key
/// and says what to do. Whether the path collides with another is judged by the one reserved-paths check.
/// </summary>
internal sealed class MetricsOptionsValidator(IHostEnvironment environment) : IValidateOptions<ProductionReadyMetricsOptions>
{
    private const string Section = ProductionReadyMetricsOptions.SectionName;
    private static readonly System.Buffers.SearchValues<char> ForbiddenInPath = System.Buffers.SearchValues.Create("?# \"';,");

    public ValidateOptionsResult Validate(string? name, ProductionReadyMetricsOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var path = options.Path;
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.Length == 1 || path.AsSpan().IndexOfAny(ForbiddenInPath) >= 0)
        {
            failures.Add($"{Section}:Path ('{path}') must be a path starting with '/', without query, quotes, spaces, ';' or ','; e.g. {ProductionReadyMetricsOptions.DefaultPath}.");
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
                    if (!IPAddresses.TryParseNetwork(options.AllowedNetworks[i], out var network, out var problem))
                    {
                        failures.Add($"{Section}:AllowedNetworks:{i} ('{options.AllowedNetworks[i]}') {problem}.");
                    }
                    else if (IPAddresses.CoversEveryone(network) && !environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.AllowAnyAddressReason))
                    {
                        failures.Add($"{Section}:AllowedNetworks:{i} ('{options.AllowedNetworks[i]}') lets every address read the metrics: list the scrapers' networks (e.g. 10.0.0.0/8); " +
                            $"or, if only your scrapers can reach this port, say why in {Section}:{nameof(ProductionReadyMetricsOptions.AllowAnyAddressReason)}.");
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
}
