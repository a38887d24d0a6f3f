using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using ProductionReady.Common;

namespace ProductionReady.SecurityHeaders;

/// <summary>
/// Puts the headers middleware at the very front of the app's pipeline, ahead even of the routing
/// <c>WebApplication</c> adds implicitly (which runs <c>ShortCircuit()</c> endpoints such as probes
/// before any middleware the app adds) and of the developer exception page. It is installed only
/// when the app called <c>UseProductionReadySecurityHeaders</c>; where no startup filter runs (an
/// <see cref="IApplicationBuilder"/> built by hand) it is installed where that call was made.
/// </summary>
internal sealed class SecurityHeadersPipeline : IStartupFilter
{
    private readonly CompiledSecurityHeaders _headers;
    private readonly CspReportEndpoint _reports;
    private volatile bool _requested;
    private volatile bool _filterRan;

    public SecurityHeadersPipeline(CompiledSecurityHeaders headers, CspReportEndpoint reports)
    {
        _headers = headers;
        _reports = reports;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        _filterRan = true;

        // The factory runs when the pipeline is built, after the app's own configuration has run.
        app.Use(rest => _requested ? Create(app, rest) : rest);
        next(app);
    };

    /// <summary>
    /// Called by <c>UseProductionReadySecurityHeaders</c>. The CSP report endpoint is served where that
    /// call is made (unlike the headers, which go to the front): behind the request id and request logging
    /// when those come first, so its requests have an id and a completion event like any other.
    /// </summary>
    public void Request(IApplicationBuilder app)
    {
        _requested = true;
        app.Use(rest => _filterRan ? rest : Create(app, rest));
        if (_headers.ReportsEnabled)
        {
            var path = _headers.ReportPath;
            app.Use(next => context => RequestPaths.Matches(context.Request.Path, path)
                ? _reports.HandleAsync(context)
                : next(context));
        }
    }

    private RequestDelegate Create(IApplicationBuilder app, RequestDelegate next)
    {
        CheckEndpointPolicies(app.ApplicationServices);
        return new SecurityHeadersMiddleware(next, _headers).InvokeAsync;
    }

    /// <summary>
    /// Stops the app when an endpoint names a policy nobody defined. Done while the pipeline is built:
    /// the endpoints are all known then, and an exception stops the host from starting.
    /// </summary>
    private void CheckEndpointPolicies(IServiceProvider services)
    {
        if (services.GetService<EndpointDataSource>() is not { } endpoints)
        {
            return;
        }

        var unknown = endpoints.Endpoints
            .SelectMany(e => e.Metadata.OfType<ISecurityHeadersPolicyMetadata>().Select(m => (Endpoint: e.DisplayName ?? e.ToString(), m.PolicyName)))
            .Where(x => x.PolicyName is not null && !_headers.Policies.ContainsKey(x.PolicyName))
            .Select(x => $"'{x.Endpoint}' uses '{x.PolicyName}'")
            .ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"Undefined security headers policy: {string.Join("; ", unknown)}. Define it under {ProductionReadySecurityHeadersOptions.SectionName}:Policies " +
                $"(or options.Policies[\"name\"] in AddProductionReadySecurityHeaders), or use one of: {string.Join(", ", _headers.Policies.Keys.Order(StringComparer.Ordinal))}.");
        }
    }
}
