using ProductionReady.Common;

namespace ProductionReady.Info;

/// <summary>Claims the info paths on the app's port, so a probe path or an app route equal to them is refused at startup.</summary>
internal sealed class InfoReservedPaths(IOptions<ProductionReadyInfoOptions> options, IManagementPort? managementPort = null) : IReservedPaths
{
    public IEnumerable<ReservedPath> GetReservedPaths()
    {
        var o = options.Value;

        // On a management port the paths shadow nothing the app answers.
        if (o.Enabled && managementPort?.Port is null)
        {
            const string key = ProductionReadyInfoOptions.SectionName + ":" + nameof(ProductionReadyInfoOptions.Path);
            yield return new ReservedPath(o.Path, key);
            yield return new ReservedPath(o.Path + ProductionReadyInfoOptions.LogLevelsSubPath, key);
        }
    }
}
