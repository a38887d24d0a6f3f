using ProductionReady.Common;

namespace ProductionReady.Health;

/// <summary>The probe paths, claimed for the one startup check of reserved paths.</summary>
internal sealed class HealthReservedPaths : IReservedPaths
{
    private readonly IOptions<ProductionReadyHealthOptions> _options;

    public HealthReservedPaths(IOptions<ProductionReadyHealthOptions> options) => _options = options;

    public IEnumerable<ReservedPath> GetReservedPaths()
    {
        foreach (var (_, path, setting) in ProbePaths.Of(_options.Value))
        {
            yield return new(path, ProductionReadyHealthOptions.SectionName + ":" + setting, IsHealthEndpoint: true);
        }
    }
}
