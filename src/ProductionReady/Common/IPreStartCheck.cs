namespace ProductionReady.Common;

/// <summary>
/// A check that runs when <c>app.Run()</c> starts the host, before the host resolves or starts a single
/// hosted service (Kestrel included), right after the reserved-paths check. To refuse the start it
/// reports (stderr and one log event) and throws an exception marked with <see cref="StartupExit.MarkReported"/>:
/// it leaves <c>app.Run()</c> without the host logging it with a stack trace, and the process exits 1.
/// Runs only where <see cref="StartupChecks"/> owns the container; a capability keeps a fallback of its
/// own (a hosted service) and runs once either way.
/// </summary>
internal interface IPreStartCheck
{
    /// <summary>Checks, and throws a reported exception to refuse the start.</summary>
    void Run();
}
