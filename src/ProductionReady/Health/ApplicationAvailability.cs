namespace ProductionReady.Health;

/// <summary>The one availability state of the app; reads are lock-free because every probe reads it.</summary>
internal sealed class ApplicationAvailability : IApplicationAvailability
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private int _phase = (int)ApplicationPhase.Starting;
    private int _startupWorkDone;
    private int _startupFailed;
    private string? _brokenReason;
    private long _startedTimestamp;

    public ApplicationAvailability(ILoggerFactory loggerFactory, TimeProvider time)
    {
        _logger = loggerFactory.CreateLogger(HealthLog.Category);
        _time = time;
    }

    public ApplicationPhase Phase => (ApplicationPhase)Volatile.Read(ref _phase);

    public bool IsStartupComplete => Phase != ApplicationPhase.Starting && Volatile.Read(ref _startupWorkDone) == 1;

    /// <summary>True when a startup work item failed: startup never completes.</summary>
    public bool StartupFailed => Volatile.Read(ref _startupFailed) == 1;

    public bool IsBroken => Volatile.Read(ref _brokenReason) is not null;

    public string? BrokenReason => Volatile.Read(ref _brokenReason);

    /// <summary>True once ApplicationStarted has fired, whatever happened since.</summary>
    public bool HasStarted => Volatile.Read(ref _startedTimestamp) != 0;

    /// <summary>How long the host has been running; zero before it started.</summary>
    public TimeSpan Uptime
    {
        get
        {
            var started = Volatile.Read(ref _startedTimestamp);
            return started == 0 ? TimeSpan.Zero : _time.GetElapsedTime(started);
        }
    }

    public void MarkBroken(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Interlocked.CompareExchange(ref _brokenReason, reason, null) is null)
        {
            HealthLog.MarkedBroken(_logger, reason);
        }
    }

    public void OnStarted()
    {
        Volatile.Write(ref _startedTimestamp, _time.GetTimestamp());
        Interlocked.CompareExchange(ref _phase, (int)ApplicationPhase.Running, (int)ApplicationPhase.Starting);
    }

    public void OnStopping(TimeSpan drainDelay)
    {
        if (Interlocked.Exchange(ref _phase, (int)ApplicationPhase.Stopping) != (int)ApplicationPhase.Stopping)
        {
            HealthLog.Stopping(_logger, drainDelay.TotalMilliseconds);
        }
    }

    public void OnStartupWorkCompleted(bool logIt)
    {
        Volatile.Write(ref _startupWorkDone, 1);
        if (logIt)
        {
            HealthLog.StartupWorkCompleted(_logger);
        }
    }

    public void OnStartupWorkFailed(string name, Exception exception)
    {
        Volatile.Write(ref _startupFailed, 1);
        HealthLog.StartupWorkFailed(_logger, name, exception);
        MarkBroken($"startup work '{name}' failed");
    }
}
