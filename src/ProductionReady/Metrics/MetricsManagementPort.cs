using ProductionReady.Common;

namespace ProductionReady.Metrics;

/// <summary>Tells other insiders' endpoints (Info) about the management port, when metrics listen on one.</summary>
internal sealed class MetricsManagementPort(IOptions<ProductionReadyMetricsOptions> options) : IManagementPort
{
    public int? Port => options.Value is { Enabled: true, Port: { } port } ? port : null;
}
