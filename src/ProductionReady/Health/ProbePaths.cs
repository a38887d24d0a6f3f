namespace ProductionReady.Health;

/// <summary>The probe paths, resolved once; matching a request costs at most four string comparisons.</summary>
internal sealed class ProbePaths
{
    private readonly (PathString Path, ProbeKind Kind)[] _paths;

    public ProbePaths(HealthProbeOptions options)
    {
        _paths =
        [
            (new PathString(options.LivePath), ProbeKind.Live),
            (new PathString(options.ReadyPath), ProbeKind.Ready),
            (new PathString(options.StartupPath), ProbeKind.Startup),
            (new PathString(options.ReportPath), ProbeKind.Report),
        ];
    }

    public ProbeKind Match(PathString path)
    {
        var value = path.Value;
        if (value is null)
        {
            return ProbeKind.None;
        }

        foreach (var (candidate, kind) in _paths)
        {
            if (string.Equals(candidate.Value, value, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return ProbeKind.None;
    }
}
