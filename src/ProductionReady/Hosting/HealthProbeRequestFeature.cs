using ProductionReady.Health;

namespace ProductionReady.Hosting;

/// <summary>
/// Set on a request the health probes answered, so request logging can tell probe traffic
/// (frequent, uninteresting) from the app's own and log it at Debug only.
/// One immutable instance per probe: setting it allocates nothing.
/// </summary>
internal sealed class HealthProbeRequestFeature
{
    private static readonly HealthProbeRequestFeature Live = new("live");
    private static readonly HealthProbeRequestFeature Ready = new("ready");
    private static readonly HealthProbeRequestFeature Startup = new("startup");
    private static readonly HealthProbeRequestFeature Report = new("report");

    private HealthProbeRequestFeature(string probe) => Probe = probe;

    /// <summary>Which probe: live, ready, startup or report.</summary>
    public string Probe { get; }

    internal static HealthProbeRequestFeature For(ProbeKind kind) => kind switch
    {
        ProbeKind.Live => Live,
        ProbeKind.Ready => Ready,
        ProbeKind.Startup => Startup,
        _ => Report,
    };
}
