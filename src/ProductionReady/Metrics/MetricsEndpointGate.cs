using Microsoft.AspNetCore.Http.Features;
using ProductionReady.Common;

namespace ProductionReady.Metrics;

/// <summary>
/// Decides, per request, what the metrics capability does with it: the scrape path (on the management
/// port when one is set) is answered to allowed callers and is 404 to everyone else; the management port
/// answers nothing else; probes and scrapes are kept out of the HTTP metrics, so they skew no latency and
/// add no series. Without an exporter (<see cref="IMetricsEndpointExporter"/>) there is no scrape path: it is
/// the app's, and a management port answers nothing.
/// </summary>
internal sealed class MetricsEndpointGate
{
    private readonly string _path;
    private readonly int? _port;
    private readonly bool _exported;
    private readonly CallerAccessGate _gate;
    private readonly IManagementPortPaths[] _insiderPaths;

    public MetricsEndpointGate(IOptions<ProductionReadyMetricsOptions> options, IEnumerable<IManagementPortPaths> insiderPaths, IMetricsEndpointExporter? exporter = null)
    {
        _insiderPaths = insiderPaths.ToArray();
        var o = options.Value;
        _exported = exporter is not null;
        _path = RequestPaths.Normalize(o.Path);
        _port = o.Port;
        _gate = new CallerAccessGate(
            o.Access switch
            {
                MetricsAccess.Networks => CallerAccess.Networks,
                MetricsAccess.AuthorizationPolicy => CallerAccess.AuthorizationPolicy,
                _ => CallerAccess.LoopbackOnly,
            },
            o.AuthorizationPolicy,
            o.AllowedNetworks.Select(n => IPAddresses.TryParseNetwork(n, out var network, out _) ? network : (System.Net.IPNetwork?)null).OfType<System.Net.IPNetwork>());
    }

    /// <summary>True for a request to the scrape endpoint (path, and port when one is set).</summary>
    public bool IsScrape(HttpContext context) =>
        _exported && RequestPaths.Matches(context.Request.Path, _path) && (_port is null || context.Connection.LocalPort == _port);

    /// <summary>The middleware in front of the app: gates scrapes, closes the management port to everything else, and unrecords probes.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (IsScrape(context))
        {
            DisableHttpMetrics(context);
            if (!await _gate.AllowsAsync(context).ConfigureAwait(false))
            {
                // As if the endpoint did not exist: no hint that metrics are here.
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context).ConfigureAwait(false);
            return;
        }

        if (IsManagementPort(context))
        {
            // Also closed at the front of the pipeline (ManagementPortListener); here for an app that built its own.
            DisableHttpMetrics(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            // Health sets the feature where it answers a probe; the HTTP metrics are recorded after this returns.
            if (context.Features.Get<ProbeRequestFeature>() is not null)
            {
                DisableHttpMetrics(context);
            }
        }
    }

    /// <summary>
    /// The front of the pipeline: on the management port, everything but the scrape path is 404 before any other
    /// middleware (a CSP report endpoint, a probe) can answer it.
    /// </summary>
    public Task CloseManagementPortAsync(HttpContext context, RequestDelegate next)
    {
        if (IsManagementPort(context) && !IsScrape(context))
        {
            DisableHttpMetrics(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }

    /// <summary>Fails startup with a clear message when the configured policy cannot be evaluated.</summary>
    public Task ValidatePolicyAsync(IServiceProvider services) =>
        _gate.ValidatePolicyAsync(services, ProductionReadyMetricsOptions.SectionName + ":" + nameof(ProductionReadyMetricsOptions.AuthorizationPolicy));

    // The management port, for a request no insiders' endpoint (the scrape, Info) answers there.
    private bool IsManagementPort(HttpContext context) =>
        _port is { } port && context.Connection.LocalPort == port && !IsInsidersPath(context.Request.Path);

    // A loop, not Any(): a lambda capturing the path would be allocated on every request to the management port.
    private bool IsInsidersPath(PathString path)
    {
        foreach (var paths in _insiderPaths)
        {
            if (paths.Answers(path))
            {
                return true;
            }
        }

        return false;
    }

    private static void DisableHttpMetrics(HttpContext context)
    {
        if (context.Features.Get<IHttpMetricsTagsFeature>() is { } tags)
        {
            tags.MetricsDisabled = true;
        }
    }
}
