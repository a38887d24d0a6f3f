namespace ProductionReady.Common;

/// <summary>
/// The contract "this request is a health probe". Health sets it where it answers a probe; Logging
/// (and Metrics) read it, so they recognise probe traffic whatever the configured probe paths are.
/// One immutable instance per probe: setting it allocates nothing.
/// </summary>
internal sealed class ProbeRequestFeature
{
    /// <summary>The liveness probe.</summary>
    public static readonly ProbeRequestFeature Live = new("live");

    /// <summary>The readiness probe.</summary>
    public static readonly ProbeRequestFeature Ready = new("ready");

    /// <summary>The startup probe.</summary>
    public static readonly ProbeRequestFeature Startup = new("startup");

    /// <summary>The full health report.</summary>
    public static readonly ProbeRequestFeature Report = new("report");

    private ProbeRequestFeature(string probe) => Probe = probe;

    /// <summary>Which probe: live, ready, startup or report.</summary>
    public string Probe { get; }
}
