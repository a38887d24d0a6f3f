using System.Globalization;
using ProductionReady.Common;

namespace ProductionReady.SecurityHeaders;

/// <summary>
/// Valid header settings that weaken the service: the headers or HSTS switched off in Production, an HSTS
/// lifetime browsers forget within the year, a content security policy whose scripts may come from anywhere
/// or be inline.
/// </summary>
internal sealed class SecurityHeadersSettingWarnings(IOptions<ProductionReadySecurityHeadersOptions> options) : ISettingWarnings
{
    private const string Section = ProductionReadySecurityHeadersOptions.SectionName;

    // OWASP's recommended minimum, and what browsers' preload lists require.
    private static readonly TimeSpan HstsMinimum = TimeSpan.FromDays(365);

    public IEnumerable<SettingWarning> Find(IHostEnvironment environment)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            if (environment.IsProduction())
            {
                yield return new SettingWarning(Section + ":Enabled",
                    "is false in Production: no CSP, frame, sniffing or referrer header is sent, so pages can be framed (clickjacking) and injected scripts run. Remove the setting, or change one header per profile instead.");
            }

            yield break;
        }

        if (o.Hsts.Enabled && o.Hsts.MaxAge < HstsMinimum && !environment.IsDevelopment())
        {
            yield return new SettingWarning(Section + ":Hsts:MaxAge",
                $"is {((long)o.Hsts.MaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture)} seconds: browsers forget to insist on HTTPS that soon, and a first plain-HTTP request can be intercepted again. Use at least one year (365.00:00:00); a short value is right only while rolling HSTS out.");
        }
        else if (!o.Hsts.Enabled && environment.IsProduction())
        {
            yield return new SettingWarning(Section + ":Hsts:Enabled",
                "is false in Production: browsers are never told to insist on HTTPS, so a first plain-HTTP request can be intercepted. Remove the setting unless a proxy in front sends Strict-Transport-Security.");
        }

        var policies = new List<(string Key, string? Csp)>
        {
            (Section + ":Html:ContentSecurityPolicy", SecurityHeaderDefaults.Merge(SecurityHeaderDefaults.Html, o.Html).ContentSecurityPolicy),
            (Section + ":Api:ContentSecurityPolicy", SecurityHeaderDefaults.Merge(SecurityHeaderDefaults.Api, o.Api).ContentSecurityPolicy),
        };
        policies.AddRange(o.Policies.Select(p => ($"{Section}:Policies:{p.Key}:ContentSecurityPolicy", p.Value.ContentSecurityPolicy)));
        foreach (var (key, csp) in policies)
        {
            if (UnsafeScriptSource(csp) is { } source)
            {
                yield return new SettingWarning(key,
                    $"lets scripts run from {source}: an injected script is not stopped, which is what the policy is for. Use nonces ('nonce-…', see the README's MVC and Blazor recipes) or hashes, and name the hosts scripts come from.");
            }
        }
    }

    /// <summary>The script source that lets any script run ('*' or 'unsafe-inline' without a nonce or hash), or null.</summary>
    internal static string? UnsafeScriptSource(string? csp)
    {
        if (string.IsNullOrWhiteSpace(csp))
        {
            return null;
        }

        string[]? scripts = null, defaults = null;
        foreach (var directive in csp.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tokens = directive.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens[0].Equals("script-src", StringComparison.OrdinalIgnoreCase))
            {
                scripts ??= tokens[1..];
            }
            else if (tokens[0].Equals("default-src", StringComparison.OrdinalIgnoreCase))
            {
                defaults ??= tokens[1..];
            }
        }

        // script-src falls back to default-src (CSP Level 3, §6.8).
        var sources = scripts ?? defaults;
        if (sources is null)
        {
            return null;
        }

        if (sources.Contains("*"))
        {
            return "'*' (any host)";
        }

        // A nonce or a hash makes browsers ignore 'unsafe-inline' (CSP Level 2): it is then a fallback for old browsers.
        var inline = sources.Any(s => s.Equals("'unsafe-inline'", StringComparison.OrdinalIgnoreCase));
        var guarded = sources.Any(s => s.StartsWith("'nonce-", StringComparison.OrdinalIgnoreCase) || s.StartsWith("'sha", StringComparison.OrdinalIgnoreCase));
        return inline && !guarded ? "'unsafe-inline' (inline scripts, with no nonce or hash)" : null;
    }
}
