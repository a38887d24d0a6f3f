namespace ProductionReady;

/// <summary>A probe another protocol can ask through <see cref="IHealthProbes"/>.</summary>
public enum HealthProbe
{
    /// <summary>Liveness: is the process worth keeping?</summary>
    Live,

    /// <summary>Readiness: should traffic be sent to this instance now?</summary>
    Ready,

    /// <summary>Startup: has the host started and every startup work item completed?</summary>
    Startup,
}
