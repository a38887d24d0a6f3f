namespace ProductionReady.Common;

/// <summary>
/// A check that runs inside <c>builder.Build()</c>, right after the settings checks passed and before
/// <c>Build()</c> returns: before any of the app's code after <c>Build()</c> (migrations, seeding) and
/// long before a hosted service (Kestrel included) starts. To refuse the start it reports (stderr and one
/// log event) and throws an exception marked with <see cref="StartupExit.MarkReported"/>: it leaves
/// <c>Build()</c> without a stack trace, and the process exits 1.
/// Runs only where <see cref="StartupChecks"/> owns the container; a capability keeps a fallback of its
/// own (a hosted service) and runs once either way.
/// </summary>
internal interface IPreStartCheck
{
    /// <summary>Checks, and throws a reported exception to refuse the start.</summary>
    void Run();
}
