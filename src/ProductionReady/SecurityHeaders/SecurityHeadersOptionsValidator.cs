using ProductionReady.Common;

namespace ProductionReady.SecurityHeaders;

/// <summary>
/// Validates the options at startup, so a header value Kestrel would refuse (a line break, a
/// non-ASCII character) stops the app with a message that names the setting, not every response with a 500.
/// </summary>
internal sealed class SecurityHeadersOptionsValidator : IValidateOptions<ProductionReadySecurityHeadersOptions>
{
    private const string Section = ProductionReadySecurityHeadersOptions.SectionName;

    private static readonly System.Buffers.SearchValues<char> ForbiddenInPath = System.Buffers.SearchValues.Create("?# \"';,");

    public ValidateOptionsResult Validate(string? name, ProductionReadySecurityHeadersOptions options)
    {
        var errors = new List<string>();
        ValidatePolicy(options.Api, $"{Section}:Api", errors);
        ValidatePolicy(options.Html, $"{Section}:Html", errors);
        foreach (var (policyName, policy) in options.Policies)
        {
            if (string.IsNullOrWhiteSpace(policyName))
            {
                errors.Add($"{Section}:Policies has a policy without a name; give every policy a name.");
            }
            else if (string.Equals(policyName, ProductionReadySecurityHeadersOptions.ApiPolicyName, StringComparison.OrdinalIgnoreCase) ||
                     string.Equals(policyName, ProductionReadySecurityHeadersOptions.HtmlPolicyName, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{Section}:Policies:{policyName} uses a built-in profile's name; change the profile under {Section}:{(policyName.Equals("api", StringComparison.OrdinalIgnoreCase) ? "Api" : "Html")} instead, or choose another name.");
            }

            if (policy is null)
            {
                errors.Add($"{Section}:Policies:{policyName} is empty; set at least one header value.");
            }
            else
            {
                ValidatePolicy(policy, $"{Section}:Policies:{policyName}", errors);
            }
        }

        foreach (var (prefix, policyName) in options.PathPolicies)
        {
            if (string.IsNullOrEmpty(prefix) || prefix[0] != '/' || prefix.AsSpan().IndexOfAny(ForbiddenInPath) >= 0 || !IsHeaderText(prefix))
            {
                errors.Add($"{Section}:PathPolicies has the prefix '{prefix}', which is not a path; write it as a path starting with '/', without query or spaces, e.g. /swagger.");
            }

            if (string.IsNullOrWhiteSpace(policyName) || !IsKnownPolicy(policyName, options))
            {
                errors.Add($"{Section}:PathPolicies:{prefix} names the policy '{policyName}', which is not defined; define it under {Section}:Policies, or use one of: {string.Join(", ", KnownPolicies(options))}.");
            }
        }

        if (options.Hsts.MaxAge < TimeSpan.Zero)
        {
            errors.Add($"{Section}:Hsts:MaxAge is negative ({options.Hsts.MaxAge}); use a duration such as 365.00:00:00, or set Hsts:Enabled to false.");
        }

        var reports = options.CspReports;
        if (reports.Enabled)
        {
            if (string.IsNullOrEmpty(reports.Path) || reports.Path[0] != '/' || reports.Path.AsSpan().IndexOfAny(ForbiddenInPath) >= 0 || !IsHeaderText(reports.Path))
            {
                errors.Add($"{Section}:CspReports:Path ('{reports.Path}') must be a path starting with '/', without query, quotes, spaces, ';' or ','; e.g. /csp-reports.");
            }

            if (reports.ReportingEndpointUrl is { } url &&
                (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !IsHeaderText(url) || url.Contains('"', StringComparison.Ordinal)))
            {
                errors.Add($"{Section}:CspReports:ReportingEndpointUrl ('{url}') must be the endpoint's absolute https URL as browsers reach it, e.g. https://api.example.com/csp-reports.");
            }

            if (reports.MaxBodyBytes is < 256 or > 1024 * 1024)
            {
                errors.Add($"{Section}:CspReports:MaxBodyBytes ({reports.MaxBodyBytes}) must be between 256 and 1048576; reports are a few hundred bytes each.");
            }

            if (reports.PermitsPerMinute < 1)
            {
                errors.Add($"{Section}:CspReports:PermitsPerMinute ({reports.PermitsPerMinute}) must be at least 1; set CspReports:Enabled to false to turn the endpoint off.");
            }

            if (reports.PermitsPerClientPerMinute < 1)
            {
                errors.Add($"{Section}:CspReports:PermitsPerClientPerMinute ({reports.PermitsPerClientPerMinute}) must be at least 1; set CspReports:Enabled to false to turn the endpoint off.");
            }
        }

        foreach (var header in options.RemoveHeaders)
        {
            if (!string.IsNullOrWhiteSpace(header) && !HttpToken.IsToken(header.Trim()))
            {
                errors.Add($"{Section}:RemoveHeaders has '{header}', which is not a header name.");
            }
        }

        if (!Enum.IsDefined(options.Cookies.SameSite))
        {
            errors.Add($"{Section}:Cookies:SameSite ({options.Cookies.SameSite}) must be Lax, Strict, None or Unspecified.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The built-in policy names, then the configured ones.</summary>
    internal static IEnumerable<string> KnownPolicies(ProductionReadySecurityHeadersOptions options) =>
        new[]
        {
            ProductionReadySecurityHeadersOptions.ApiPolicyName, ProductionReadySecurityHeadersOptions.HtmlPolicyName, ProductionReadySecurityHeadersOptions.SwaggerUiPolicyName,
            ProductionReadySecurityHeadersOptions.ScalarPolicyName, ProductionReadySecurityHeadersOptions.DeveloperExceptionPagePolicyName,
        }.Concat(options.Policies.Keys.Where(k => !string.IsNullOrWhiteSpace(k))).Distinct(StringComparer.OrdinalIgnoreCase);

    private static bool IsKnownPolicy(string name, ProductionReadySecurityHeadersOptions options) =>
        KnownPolicies(options).Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks one policy's values; <paramref name="path"/> names it in the messages.</summary>
    internal static void ValidatePolicy(SecurityHeaderPolicy policy, string path, List<string> errors)
    {
        var csp = policy.ContentSecurityPolicy;
        if (csp is not null)
        {
            Check(csp, $"{path}:ContentSecurityPolicy", errors);
            var withoutNonceSources = csp.Replace("'nonce-{nonce}'", string.Empty, StringComparison.Ordinal);
            if (withoutNonceSources.Contains("{nonce}", StringComparison.Ordinal))
            {
                errors.Add($"{path}:ContentSecurityPolicy uses {{nonce}} outside a 'nonce-{{nonce}}' source; write it as 'nonce-{{nonce}}' (with the quotes).");
            }
        }

        foreach (var (header, value) in SecurityHeaderDefaults.Headers(policy))
        {
            if (value is not null)
            {
                Check(value, $"{path}:{PropertyName(header)}", errors);
            }
        }
    }

    private static void Check(string value, string setting, List<string> errors)
    {
        if (!IsHeaderText(value))
        {
            errors.Add($"{setting} has a line break, control or non-ASCII character, which no HTTP header may carry; write the value on one line in plain ASCII.");
        }
    }

    private static bool IsHeaderText(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' && c != '\t')
            {
                return false;
            }
        }

        return true;
    }

    private static string PropertyName(string header) => header.Replace("-", string.Empty, StringComparison.Ordinal) switch
    {
        "XXSSProtection" => nameof(SecurityHeaderPolicy.XXssProtection),
        var other => other,
    };
}
