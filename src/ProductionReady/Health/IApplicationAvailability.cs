namespace ProductionReady;

/// <summary>
/// The availability state the probes answer from: where the host is in its lifetime, whether the
/// startup work has completed, and whether the app has declared itself broken. Inject it to declare
/// the app broken (liveness then answers 503 and the orchestrator restarts the process).
/// </summary>
public interface IApplicationAvailability
{
    /// <summary>Where the host is in its lifetime.</summary>
    ApplicationPhase Phase { get; }

    /// <summary>True once the host has started and every registered startup work item has completed.</summary>
    bool IsStartupComplete { get; }

    /// <summary>True once <see cref="MarkBroken"/> has been called.</summary>
    bool IsBroken { get; }

    /// <summary>The reason given to the first <see cref="MarkBroken"/> call, or null.</summary>
    string? BrokenReason { get; }

    /// <summary>
    /// Declares the app broken beyond repair without a restart (a deadlock, a corrupted in-memory
    /// state): liveness answers 503 from now on. Logged once, at Critical. Irreversible.
    /// </summary>
    /// <param name="reason">Why, for operators; it appears in the logs and in the detailed report, so keep secrets out of it.</param>
    void MarkBroken(string reason);
}
