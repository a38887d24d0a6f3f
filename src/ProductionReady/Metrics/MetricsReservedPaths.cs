using ProductionReady.Common;

namespace ProductionReady.Metrics;

/// <summary>Claims the metrics path on the app's port, so a probe path or an app route equal to it is refused at startup.</summary>
internal sealed class MetricsReservedPaths : IReservedPaths
{
    private readonly IOptions<ProductionReadyMetricsOptions> _options;
    private readonly bool _exported;

    public MetricsReservedPaths(IOptions<ProductionReadyMetricsOptions> options, IMetricsEndpointExporter? exporter = null)
    {
        _options = options;
        _exported = exporter is not null;
    }

    public IEnumerable<ReservedPath> GetReservedPaths()
    {
        var options = _options.Value;

        // On a management port of its own the path shadows nothing the app answers; without an exporter it is the app's.
        if (options.Enabled && _exported && options.Port is null)
        {
            yield return new ReservedPath(options.Path, ProductionReadyMetricsOptions.SectionName + ":Path");
        }
    }
}
