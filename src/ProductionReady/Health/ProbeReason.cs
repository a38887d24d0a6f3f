namespace ProductionReady.Health;

/// <summary>Why a probe answers as it does, when the answer does not come from the checks.</summary>
internal enum ProbeReason
{
    /// <summary>The answer comes from the checks (or there are none).</summary>
    Checks,

    /// <summary>The host has not started yet.</summary>
    Starting,

    /// <summary>The startup work is still running.</summary>
    StartupPending,

    /// <summary>A startup work item failed.</summary>
    StartupFailed,

    /// <summary>Shutdown has begun.</summary>
    Stopping,

    /// <summary>The app declared itself broken.</summary>
    Broken,
}
