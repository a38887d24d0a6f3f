namespace ProductionReady;

/// <summary>Where the host is in its lifetime, as the readiness probe sees it.</summary>
public enum ApplicationPhase
{
    /// <summary>The host has not finished starting: readiness answers 503.</summary>
    Starting,

    /// <summary>The host has started (ApplicationStarted): readiness answers from the checks.</summary>
    Running,

    /// <summary>Shutdown has begun (ApplicationStopping, e.g. SIGTERM): readiness answers 503 while the server drains.</summary>
    Stopping,
}
