using ProductionReady.Common;

namespace ProductionReady.Health;

/// <summary>The probe paths, resolved once; matching a request costs at most four string comparisons.</summary>
internal sealed class ProbePaths
{
    private readonly (string Path, ProbeKind Kind)[] _paths;

    public ProbePaths(ProductionReadyHealthOptions options)
    {
        _paths = [.. Of(options).Select(p => (RequestPaths.Normalize(p.Path), p.Kind))];
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
        foreach (var (candidate, kind) in _paths)
        {
            if (RequestPaths.Matches(path, candidate))
            {
                return kind;
            }
        }

        return ProbeKind.None;
    }
}
