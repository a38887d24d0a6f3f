namespace ProductionReady.SecurityHeaders;

/// <summary>
/// Registers, for every request, one callback that sets the headers when the response starts: so 404s,
/// exception-handler 500s, status-code pages, static files and short-circuited responses downstream get
/// them too, with the content type known. Allocation-free per request for the API profile: the callback
/// delegate is created once per pipeline and the state is the HttpContext itself.
/// </summary>
internal sealed class SecurityHeadersMiddleware
{
    private const string StrictTransportSecurity = "Strict-Transport-Security";

    private readonly RequestDelegate _next;
    private readonly CompiledSecurityHeaders _headers;
    private readonly Func<object, Task> _onStarting;

    public SecurityHeadersMiddleware(RequestDelegate next, CompiledSecurityHeaders headers)
    {
        _next = next;
        _headers = headers;
        _onStarting = ApplyOnStarting;
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(_onStarting, context);
        return _next(context);
    }

    /// <summary>
    /// The profile rule (after the policy: the developer exception page's, else an endpoint's, else a path's,
    /// else the default): an endpoint's policy metadata wins; otherwise an HTML content type
    /// (<c>text/html</c>, <c>application/xhtml+xml</c>) gets the HTML profile and everything else
    /// (JSON, problem details, text, files, no body) the API profile.
    /// </summary>
    internal static bool IsHtml(string? contentType) =>
        contentType is not null &&
        (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) ||
         contentType.StartsWith("application/xhtml+xml", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// gRPC (<c>application/grpc</c>, <c>application/grpc+proto</c>, <c>application/grpc-web</c>…): a call's
    /// answer is never rendered, framed or navigated to, so the browser-only headers (CSP, frame options,
    /// Permissions-Policy, referrer and cross-origin policies) have no place on it.
    /// </summary>
    internal static bool IsGrpc(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);

    internal void Apply(HttpContext context)
    {
        var response = context.Response;
        var headers = response.Headers;
        if (IsGrpc(response.ContentType))
        {
            ApplyTransport(context, headers);
            return;
        }

        var policy = context.Features.Get<DeveloperExceptionPageMarker.Rendered>() is not null
            ? _headers.DeveloperExceptionPage
            : context.GetEndpoint()?.Metadata.GetMetadata<ISecurityHeadersPolicyMetadata>() is { } metadata
                ? metadata.Resolve(_headers)
                : _headers.PathPolicies.Length > 0 ? _headers.ForPath(context.Request.Path) ?? _headers.Default : _headers.Default;
        var set = IsHtml(response.ContentType) ? policy.Html : policy.Api;
        set.Apply(headers, set.UsesNonce ? context.Features.Get<CspNonceFeature>()?.Nonce : null);
        ApplyTransport(context, headers);
    }

    /// <summary>What every response gets whatever it carries: HSTS, hardened cookies, the removed headers.</summary>
    private void ApplyTransport(HttpContext context, IHeaderDictionary headers)
    {
        var cookies = _headers.Cookies;
        var needHsts = _headers.Hsts.Count > 0;
        if (needHsts || (cookies is not null && headers.SetCookie.Count > 0))
        {
            var isHttps = CompiledSecurityHeaders.IsHttps(context);
            if (needHsts && isHttps && !headers.ContainsKey(StrictTransportSecurity) && !_headers.IsExcludedHost(context.Request.Host))
            {
                headers[StrictTransportSecurity] = _headers.Hsts;
            }

            cookies?.Apply(headers, isHttps);
        }

        foreach (var name in _headers.RemoveHeaders)
        {
            headers.Remove(name);
        }
    }

    private Task ApplyOnStarting(object state)
    {
        Apply((HttpContext)state);
        return Task.CompletedTask;
    }
}
