using ProductionReady.Common;

namespace ProductionReady.Info;

/// <summary>The info document and the log-level switch answer on the management port, when there is one.</summary>
internal sealed class InfoManagementPortPaths(IOptions<ProductionReadyInfoOptions> options) : IManagementPortPaths
{
    public bool Answers(PathString path)
    {
        var o = options.Value;
        return o.Enabled
            && (path.Equals(new PathString(o.Path), StringComparison.OrdinalIgnoreCase)
                || path.Equals(new PathString(o.Path + ProductionReadyInfoOptions.LogLevelsSubPath), StringComparison.OrdinalIgnoreCase));
    }
}
