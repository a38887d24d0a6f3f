using System.Text;
using Microsoft.Extensions.Primitives;

namespace ProductionReady.SecurityHeaders;

/// <summary>
/// The headers of one profile of one policy, computed once at startup. Per response only the CSP
/// carrying a nonce is built, and only when the app asked for a nonce.
/// </summary>
internal sealed class CompiledHeaderSet
{
    internal const string CacheControl = "Cache-Control";

    private const string NoncePlaceholder = "{nonce}";
    private const string ReportGroup = "csp-endpoint";

    private readonly KeyValuePair<string, StringValues>[] _headers;
    private readonly string? _cspHeaderName;
    private readonly StringValues _cspWithoutNonce;
    private readonly string[]? _cspNonceParts;

    public CompiledHeaderSet(SecurityHeaderPolicy policy, bool reportOnlyDefault, string? reportPath, string? reportingEndpointUrl)
    {
        var headers = new List<KeyValuePair<string, StringValues>>();
        foreach (var (name, value) in SecurityHeaderDefaults.Headers(policy))
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                headers.Add(new(name, value.Trim()));
            }
        }

        var csp = policy.ContentSecurityPolicy?.Trim().TrimEnd(';').Trim();
        if (!string.IsNullOrEmpty(csp))
        {
            if (reportPath is not null && !HasDirective(csp, "report-uri") && !HasDirective(csp, "report-to"))
            {
                // report-uri everywhere; report-to (which Chromium prefers where both are given) only with the absolute URL it needs.
                csp = $"{csp}; report-uri {reportPath}";
                if (reportingEndpointUrl is not null)
                {
                    csp = $"{csp}; report-to {ReportGroup}";
                    headers.Add(new("Reporting-Endpoints", $"{ReportGroup}=\"{reportingEndpointUrl}\""));
                }
            }

            _cspHeaderName = policy.CspReportOnly ?? reportOnlyDefault ? "Content-Security-Policy-Report-Only" : "Content-Security-Policy";
            _cspWithoutNonce = WithoutNonce(csp);
            _cspNonceParts = csp.Contains(NoncePlaceholder, StringComparison.Ordinal) ? csp.Split(NoncePlaceholder) : null;
            ContentSecurityPolicyTemplate = csp;
        }

        _headers = [.. headers];
        Description = Describe();
    }

    /// <summary>The names of the headers this set sends, CSP first (for the short startup line).</summary>
    public IEnumerable<string> HeaderNames => _cspHeaderName is null ? _headers.Select(h => h.Key) : _headers.Select(h => h.Key).Prepend(_cspHeaderName);

    /// <summary>"Name: value" pairs for the startup log; the CSP shows the <c>{nonce}</c> placeholder.</summary>
    public string Description { get; }

    /// <summary>The CSP as configured, with <c>{nonce}</c> where the nonce goes; null when none is sent.</summary>
    public string? ContentSecurityPolicyTemplate { get; }

    /// <summary>Whether the CSP has a place for a nonce (a response asking for none gets the nonce-less variant).</summary>
    public bool UsesNonce => _cspNonceParts is not null;

    /// <summary>
    /// Sets the headers the response does not set itself: a value the endpoint (or a library it uses) put there on
    /// purpose is kept, e.g. its own <c>Cache-Control</c> or <c>X-Frame-Options</c>; its own
    /// <c>Content-Security-Policy</c> is kept and ours is added beside it (browsers enforce both); <c>Cache-Control</c> is also
    /// left out when the response carries <c>Expires</c>, <c>ETag</c> or <c>Last-Modified</c> (it has caching of its
    /// own). Allocation-free unless a nonce goes into the CSP.
    /// </summary>
    public void Apply(IHeaderDictionary headers, string? nonce)
    {
        foreach (var header in _headers)
        {
            if (headers.ContainsKey(header.Key) ||
                (string.Equals(header.Key, CacheControl, StringComparison.Ordinal) && HasCachingOfItsOwn(headers)))
            {
                continue;
            }

            headers[header.Key] = header.Value;
        }

        if (_cspHeaderName is not null)
        {
            StringValues ours = nonce is not null && _cspNonceParts is not null
                ? new StringValues(string.Join(nonce, _cspNonceParts))
                : _cspWithoutNonce;

            // A policy the response carries already (Blazor's interactive server rendering sets its own
            // frame-ancestors one) is kept, and ours is sent beside it: a browser enforces every policy it gets
            // (CSP Level 3, §8.1), so neither weakens the other. An endpoint that needs a looser policy names one
            // (a named policy), rather than setting the header itself.
            headers[_cspHeaderName] = headers.TryGetValue(_cspHeaderName, out var own) && own.Count > 0
                ? StringValues.Concat(own, ours)
                : ours;
        }
    }

    private static bool HasCachingOfItsOwn(IHeaderDictionary headers) =>
        headers.ContainsKey("Expires") || headers.ContainsKey("ETag") || headers.ContainsKey("Last-Modified");

    private string Describe()
    {
        var text = new StringBuilder();
        if (_cspHeaderName is not null)
        {
            text.Append(_cspHeaderName).Append(": ").Append(ContentSecurityPolicyTemplate);
        }

        foreach (var header in _headers)
        {
            text.Append(text.Length > 0 ? " | " : string.Empty).Append(header.Key).Append(": ").Append(header.Value.ToString());
        }

        return text.ToString();
    }

    private static bool HasDirective(string csp, string directive) =>
        csp.Split(';').Any(d => d.Trim().StartsWith(directive, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The policy for a response that asked for no nonce: nonce sources are dropped, and so is
    /// <c>'strict-dynamic'</c> where no nonce or hash is left to anchor it, so that same-origin
    /// script files (a static <c>index.html</c>) still load while inline script stays blocked.
    /// </summary>
    internal static string WithoutNonce(string csp)
    {
        if (!csp.Contains(NoncePlaceholder, StringComparison.Ordinal))
        {
            return csp;
        }

        var directives = new List<string>();
        foreach (var directive in csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = directive.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (tokens.RemoveAll(t => t.Contains(NoncePlaceholder, StringComparison.Ordinal)) > 0 &&
                !tokens.Any(t => t.StartsWith("'nonce-", StringComparison.OrdinalIgnoreCase) || t.StartsWith("'sha", StringComparison.OrdinalIgnoreCase)))
            {
                tokens.RemoveAll(t => string.Equals(t, "'strict-dynamic'", StringComparison.OrdinalIgnoreCase));
                if (tokens.Count == 1)
                {
                    // Nothing left to allow: say so rather than send an empty directive.
                    tokens.Add("'none'");
                }
            }

            directives.Add(string.Join(' ', tokens));
        }

        return string.Join("; ", directives);
    }
}
