using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Primitives;
using ProductionReady.Common;

namespace ProductionReady.SecurityHeaders;

/// <summary>
/// Everything the middleware needs, computed once from the validated options: the profiles and named
/// policies as frozen header values, HSTS, the trusted proxies and the headers to remove.
/// </summary>
internal sealed class CompiledSecurityHeaders
{
    private readonly ProductionReadySecurityHeadersOptions _options;
    private readonly string? _reportPath;
    private readonly string[] _excludedHosts;

    public CompiledSecurityHeaders(IOptions<ProductionReadySecurityHeadersOptions> optionsAccessor, ILoggerFactory? loggerFactory = null)
    {
        var options = optionsAccessor.Value;
        _options = options;
        Enabled = options.Enabled;
        ReportsEnabled = options.CspReports.Enabled;
        _reportPath = ReportsEnabled ? options.CspReports.Path : null;
        ReportPath = ReportsEnabled ? RequestPaths.Normalize(options.CspReports.Path) : string.Empty;

        var api = SecurityHeaderDefaults.Merge(SecurityHeaderDefaults.Api, options.Api);
        var html = SecurityHeaderDefaults.Merge(SecurityHeaderDefaults.Html, options.Html);
        Default = new CompiledPolicy("default", Compile(api), Compile(html));
        var named = new Dictionary<string, CompiledPolicy>(StringComparer.OrdinalIgnoreCase)
        {
            // The built-in profiles by name force a profile whatever the content type.
            [ProductionReadySecurityHeadersOptions.ApiPolicyName] = new(ProductionReadySecurityHeadersOptions.ApiPolicyName, Default.Api, Default.Api),
            [ProductionReadySecurityHeadersOptions.HtmlPolicyName] = new(ProductionReadySecurityHeadersOptions.HtmlPolicyName, Default.Html, Default.Html),

            // The presets change only the pages' CSP: their JSON and files keep the API profile.
            [ProductionReadySecurityHeadersOptions.SwaggerUiPolicyName] = HtmlPreset(ProductionReadySecurityHeadersOptions.SwaggerUiPolicyName, SecurityHeaderDefaults.SwaggerUiContentSecurityPolicy),
            [ProductionReadySecurityHeadersOptions.ScalarPolicyName] = HtmlPreset(ProductionReadySecurityHeadersOptions.ScalarPolicyName, SecurityHeaderDefaults.ScalarContentSecurityPolicy),
            [ProductionReadySecurityHeadersOptions.DeveloperExceptionPagePolicyName] = HtmlPreset(ProductionReadySecurityHeadersOptions.DeveloperExceptionPagePolicyName, SecurityHeaderDefaults.DeveloperExceptionPageContentSecurityPolicy),
        };
        foreach (var (name, policy) in options.Policies)
        {
            named[name] = CompileOverlay(name, policy);
        }

        Policies = named.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        DeveloperExceptionPage = Policies[ProductionReadySecurityHeadersOptions.DeveloperExceptionPagePolicyName];
        PathPolicies = options.PathPolicies
            .Where(p => Policies.ContainsKey(p.Value))
            .Select(p => (Prefix: RequestPaths.Normalize(p.Key), Policy: Policies[p.Value]))
            .OrderByDescending(p => p.Prefix.Length)
            .ToArray();

        if (options.Hsts.Enabled)
        {
            var value = "max-age=" + ((long)options.Hsts.MaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            value += options.Hsts.IncludeSubDomains ? "; includeSubDomains" : string.Empty;
            value += options.Hsts.Preload ? "; preload" : string.Empty;
            Hsts = value;
        }

        _excludedHosts = options.Hsts.ExcludedHosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()).ToArray();
        RemoveHeaders = options.RemoveHeaders.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()).ToArray();
        Cookies = options.Cookies.Enabled ? new CookieHardener(options.Cookies, loggerFactory?.CreateLogger("ProductionReady.SecurityHeaders")) : null;
    }

    public bool Enabled { get; }

    public bool ReportsEnabled { get; }

    public string ReportPath { get; }

    /// <summary>The profiles used when an endpoint names no policy.</summary>
    public CompiledPolicy Default { get; }

    /// <summary>The built-in profiles by name ("api", "html") and the configured named policies.</summary>
    public FrozenDictionary<string, CompiledPolicy> Policies { get; }

    /// <summary>The policy of the developer exception page's responses.</summary>
    public CompiledPolicy DeveloperExceptionPage { get; }

    /// <summary>Policies by path prefix, longest first.</summary>
    public (string Prefix, CompiledPolicy Policy)[] PathPolicies { get; }

    /// <summary>The Strict-Transport-Security value; empty when HSTS is off.</summary>
    public StringValues Hsts { get; }

    public string[] RemoveHeaders { get; }

    public CookieHardener? Cookies { get; }

    /// <summary>Compiles a per-endpoint overlay on the default profiles (once per endpoint, on first use).</summary>
    public CompiledPolicy CompileOverlay(string name, SecurityHeaderPolicy overlay) => new(
        name,
        Compile(SecurityHeaderDefaults.Merge(SecurityHeaderDefaults.Merge(SecurityHeaderDefaults.Api, _options.Api), overlay)),
        Compile(SecurityHeaderDefaults.Merge(SecurityHeaderDefaults.Merge(SecurityHeaderDefaults.Html, _options.Html), overlay)));

    /// <summary>The policy of the longest <see cref="ProductionReadySecurityHeadersOptions.PathPolicies"/> prefix of <paramref name="path"/>; null when none.</summary>
    public CompiledPolicy? ForPath(PathString path)
    {
        foreach (var (prefix, policy) in PathPolicies)
        {
            if (RequestPaths.IsUnder(path, prefix))
            {
                return policy;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the request arrived over HTTPS: directly, or through a trusted proxy that said so in
    /// <c>X-Forwarded-Proto</c>, which the forwarded-headers capability (the one owner of trusted proxies) has
    /// applied to the request's scheme by the time the response starts.
    /// </summary>
    public static bool IsHttps(HttpContext context) => context.Request.IsHttps;

    /// <summary>True when the request's host (without port) is one HSTS is never sent to. Allocation-free.</summary>
    public bool IsExcludedHost(HostString host)
    {
        if (_excludedHosts.Length == 0 || host.Value is not { Length: > 0 } value)
        {
            return false;
        }

        var name = HostAuthority.Split(value, out _);

        foreach (var excluded in _excludedHosts)
        {
            if (name.Equals(excluded, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"host1, host2" for the startup log.</summary>
    public string DescribeExcludedHosts() => _excludedHosts.Length == 0 ? "(none)" : string.Join(", ", _excludedHosts);

    private CompiledPolicy HtmlPreset(string name, string contentSecurityPolicy) => new(
        name,
        Default.Api,
        Compile(SecurityHeaderDefaults.Merge(SecurityHeaderDefaults.Merge(SecurityHeaderDefaults.Html, _options.Html), new SecurityHeaderPolicy { ContentSecurityPolicy = contentSecurityPolicy })));

    private CompiledHeaderSet Compile(SecurityHeaderPolicy policy) =>
        new(policy, _options.CspReportOnly, _reportPath, _reportPath is null ? null : _options.CspReports.ReportingEndpointUrl);
}
