namespace ProductionReady.Edge;

/// <summary>Refuses a trusted-proxy entry that is not an address or network, and a forward limit out of range.</summary>
internal sealed class ForwardedHeadersOptionsValidator : IValidateOptions<ProductionReadyForwardedHeadersOptions>
{
    private const string Section = ProductionReadyForwardedHeadersOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ProductionReadyForwardedHeadersOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.TrustedProxies.Count; i++)
        {
            var proxy = options.TrustedProxies[i];
            if (!string.IsNullOrWhiteSpace(proxy) && !TrustedProxyList.TryParse(proxy, out _))
            {
                errors.Add($"{Section}:TrustedProxies:{i} ('{proxy}') is neither an IP address (10.0.0.5) nor a CIDR network (10.0.0.0/8); write the proxy's address or its network.");
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
