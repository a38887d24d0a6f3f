namespace ProductionReady.Health;

/// <summary>The probe paths, resolved once; matching a request costs at most four string comparisons.</summary>
internal sealed class ProbePaths
{
    private readonly (PathString Path, ProbeKind Kind)[] _paths;

    public ProbePaths(ProductionReadyHealthOptions options)
    {
        _paths = [.. Of(options).Select(p => (new PathString(p.Path), p.Kind))];
    }

    /// <summary>Every probe with its configured path and the name of its setting: the one list of them.</summary>
    public static IEnumerable<(ProbeKind Kind, string Path, string Setting)> Of(ProductionReadyHealthOptions options)
    {
        yield return (ProbeKind.Live, options.LivePath, nameof(ProductionReadyHealthOptions.LivePath));
        yield return (ProbeKind.Ready, options.ReadyPath, nameof(ProductionReadyHealthOptions.ReadyPath));
        yield return (ProbeKind.Startup, options.StartupPath, nameof(ProductionReadyHealthOptions.StartupPath));
        yield return (ProbeKind.Report, options.ReportPath, nameof(ProductionReadyHealthOptions.ReportPath));
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
