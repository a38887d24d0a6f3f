namespace ProductionReady.Common;

/// <summary>
/// The contract "this capability answers these paths itself" (the health probes, the CSP report
/// endpoint, later /metrics). Each capability registers one implementation that reads its own
/// options; one startup check compares them with each other and with the app's endpoints, so a
/// setting that would make one path shadow another is refused before the server listens.
/// </summary>
internal interface IReservedPaths
{
    /// <summary>The paths this capability answers, each with the configuration key that sets it.</summary>
    IEnumerable<ReservedPath> GetReservedPaths();
}

/// <summary>One path a capability answers, and the full configuration key that sets it (for the startup report).</summary>
/// <param name="Path">The path as configured (normalised by the startup check).</param>
/// <param name="ConfigurationKey">For example <c>ProductionReady:Health:LivePath</c>.</param>
/// <param name="IsHealthEndpoint">True for health endpoints: an app's own health-check endpoint on the same path is answered by ours (said once at startup) instead of refused.</param>
internal readonly record struct ReservedPath(string Path, string ConfigurationKey, bool IsHealthEndpoint = false);
