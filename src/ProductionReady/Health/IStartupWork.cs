namespace ProductionReady;

/// <summary>
/// Work the app must finish before it can serve (database migrations, cache warm-up). Register it
/// with <c>builder.Services.AddStartupWork&lt;T&gt;()</c>: it runs once the server is listening, in
/// registration order, each item in its own service scope; until all of it has completed the startup
/// probe and readiness answer 503. If an item throws, startup never completes and liveness answers
/// 503, so the orchestrator restarts the process.
/// </summary>
public interface IStartupWork
{
    /// <summary>Does the work.</summary>
    /// <param name="cancellationToken">Cancelled when the host begins to shut down.</param>
    /// <returns>A task that completes when the work is done.</returns>
    Task RunAsync(CancellationToken cancellationToken);
}
