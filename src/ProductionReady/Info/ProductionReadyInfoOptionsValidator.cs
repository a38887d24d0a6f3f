using System.Globalization;
using ProductionReady.Common;

namespace ProductionReady.Info;

/// <summary>
/// Validates <see cref="ProductionReadyInfoOptions"/> at startup; every message starts with the full configuration key
/// and says what to do. Whether the path collides with another is judged by the one reserved-paths check.
/// </summary>
internal sealed class ProductionReadyInfoOptionsValidator(IHostEnvironment environment) : IValidateOptions<ProductionReadyInfoOptions>
{
    private const string Section = ProductionReadyInfoOptions.SectionName;
    private static readonly System.Buffers.SearchValues<char> ForbiddenInPath = System.Buffers.SearchValues.Create("?# \"';,");

    public ValidateOptionsResult Validate(string? name, ProductionReadyInfoOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var path = options.Path;
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.Length == 1 || path[^1] == '/' || path.AsSpan().IndexOfAny(ForbiddenInPath) >= 0)
        {
            failures.Add($"{Section}:Path ('{path}') must be a path starting with '/', not ending with '/', without query, quotes, spaces, ';' or ','; e.g. {ProductionReadyInfoOptions.DefaultPath}.");
        }

        if (options.MaxLogLevelDuration < TimeSpan.FromSeconds(1) || options.MaxLogLevelDuration > TimeSpan.FromHours(24))
        {
            failures.Add($"{Section}:MaxLogLevelDuration must be between 00:00:01 and 1.00:00:00 (got {Format(options.MaxLogLevelDuration)}): set a value in that range, or remove the key for the default (01:00:00).");
        }
        else if (options.DefaultLogLevelDuration <= TimeSpan.Zero || options.DefaultLogLevelDuration > options.MaxLogLevelDuration)
        {
            failures.Add($"{Section}:DefaultLogLevelDuration must be above zero and at most {Section}:MaxLogLevelDuration ({Format(options.MaxLogLevelDuration)}) (got {Format(options.DefaultLogLevelDuration)}): shorten it, or raise the maximum.");
        }

        switch (options.Access)
        {
            case InfoAccess.LoopbackOnly:
                break;
            case InfoAccess.Networks:
                if (options.AllowedNetworks.Count == 0)
                {
                    failures.Add($"{Section}:AllowedNetworks is empty while {Section}:Access is Networks: list the operators' networks (e.g. 10.0.0.0/8), or set Access to LoopbackOnly.");
                }

                for (var i = 0; i < options.AllowedNetworks.Count; i++)
                {
                    if (!IPAddresses.TryParseNetwork(options.AllowedNetworks[i], out var network, out var problem))
                    {
                        failures.Add($"{Section}:AllowedNetworks:{i} ('{options.AllowedNetworks[i]}') {problem}.");
                    }
                    else if (IPAddresses.CoversEveryone(network) && !environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.AllowAnyAddressReason))
                    {
                        failures.Add($"{Section}:AllowedNetworks:{i} ('{options.AllowedNetworks[i]}') lets every address read the settings and change log levels: list the operators' networks (e.g. 10.0.0.0/8); " +
                            $"or, if only operators can reach this port, say why in {Section}:{nameof(ProductionReadyInfoOptions.AllowAnyAddressReason)}.");
                    }
                }

                break;
            case InfoAccess.AuthorizationPolicy:
                if (string.IsNullOrWhiteSpace(options.AuthorizationPolicy))
                {
                    failures.Add($"{Section}:AuthorizationPolicy is empty while {Section}:Access is AuthorizationPolicy: name the policy an operator must satisfy, registered with builder.Services.AddAuthorization(...).");
                }

                break;
            default:
                failures.Add($"{Section}:Access ({options.Access}) must be LoopbackOnly, Networks or AuthorizationPolicy.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
