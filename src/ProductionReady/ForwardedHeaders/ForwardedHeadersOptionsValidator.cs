using ProductionReady.Common;

namespace ProductionReady.ForwardedHeaders;

/// <summary>
/// Refuses a trusted-proxy entry that is not an address or network (or is a network written with host bits), a
/// network that trusts every address outside Development unless the operator gave a reason, and a forward limit
/// out of range.
/// </summary>
internal sealed class ForwardedHeadersOptionsValidator(IHostEnvironment environment) : IValidateOptions<ProductionReadyForwardedHeadersOptions>
{
    private const string Section = ProductionReadyForwardedHeadersOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ProductionReadyForwardedHeadersOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.TrustedProxies.Count; i++)
        {
            var proxy = options.TrustedProxies[i];
            if (string.IsNullOrWhiteSpace(proxy))
            {
                continue;
            }

            if (!IPAddresses.TryParseNetwork(proxy, out var network, out var problem))
            {
                errors.Add($"{Section}:TrustedProxies:{i} ('{proxy}') {problem}; write the proxy's address or its network.");
            }
            else if (IPAddresses.CoversEveryone(network) && !environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.TrustAnyAddressReason))
            {
                errors.Add($"{Section}:TrustedProxies:{i} ('{proxy}') trusts every address: any caller could then forge X-Forwarded-For (and pick its own rate-limit bucket) and X-Forwarded-Proto. " +
                    $"List the addresses or networks of your proxies; or, if nothing but a proxy can reach the app, say why in {Section}:{nameof(ProductionReadyForwardedHeadersOptions.TrustAnyAddressReason)}.");
            }
        }

        if (options.ForwardLimit is < 1 or > 20)
        {
            errors.Add($"{Section}:ForwardLimit ({options.ForwardLimit}) must be between 1 and 20: the number of proxies a request passes through before reaching the app.");
        }

        if ((options.Headers & ~(Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.All)) != 0)
        {
            errors.Add($"{Section}:Headers ({options.Headers}) has unknown flags; use a combination of XForwardedFor, XForwardedProto, XForwardedHost, XForwardedPrefix.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
