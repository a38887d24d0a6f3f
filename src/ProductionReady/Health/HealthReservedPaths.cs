using ProductionReady.Common;

namespace ProductionReady.Health;

/// <summary>The probe paths, claimed for the one startup check of reserved paths.</summary>
internal sealed class HealthReservedPaths : IReservedPaths
{
    private readonly IOptions<HealthProbeOptions> _options;

    public HealthReservedPaths(IOptions<HealthProbeOptions> options) => _options = options;

    public IEnumerable<ReservedPath> GetReservedPaths()
    {
        var o = _options.Value;
        const string Section = HealthProbeOptions.SectionName;
        yield return new(o.LivePath, Section + ":LivePath", IsHealthEndpoint: true);
        yield return new(o.ReadyPath, Section + ":ReadyPath", IsHealthEndpoint: true);
        yield return new(o.StartupPath, Section + ":StartupPath", IsHealthEndpoint: true);
        yield return new(o.ReportPath, Section + ":ReportPath", IsHealthEndpoint: true);
    }
}
