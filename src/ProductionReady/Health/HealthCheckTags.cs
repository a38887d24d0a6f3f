namespace ProductionReady;

/// <summary>The tags that decide which probe runs a health check.</summary>
public static class HealthCheckTags
{
    /// <summary>Checks run by the liveness probe. Use sparingly: a failing liveness check restarts the process.</summary>
    public const string Live = "live";

    /// <summary>Checks run by the readiness probe: dependencies the service cannot serve without.</summary>
    public const string Ready = "ready";
}
