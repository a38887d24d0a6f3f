using ProductionReady.Common;

namespace ProductionReady.Metrics;

/// <summary>
/// The trace filter: requests to a path a ProductionReady capability answers itself (the probes, the scrape
/// endpoint, the CSP report endpoint) make no span. The set is read once, on the first traced request.
/// </summary>
internal sealed class ReservedPathsTraceFilter
{
    private readonly Lazy<HashSet<string>> _paths;

    public ReservedPathsTraceFilter(IEnumerable<IReservedPaths> owners) =>
        _paths = new(() => owners.SelectMany(o => o.GetReservedPaths()).Select(p => p.Path).ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>False for a request to a reserved path: the instrumentation then records no span.</summary>
    public static bool Traces(HttpContext context) =>
        context.RequestServices?.GetService<ReservedPathsTraceFilter>() is not { } filter
        || context.Request.Path.Value is not { } path
        || !filter._paths.Value.Contains(path);
}
