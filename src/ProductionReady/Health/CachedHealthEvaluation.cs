using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductionReady.Health;

/// <summary>
/// One probe's view of the checks: concurrent callers share one in-flight evaluation, and its
/// result is reused for the cache window. The fast path (a fresh result) is one volatile read and
/// one timestamp comparison.
/// </summary>
internal sealed class CachedHealthEvaluation
{
    private readonly Func<Task<HealthReport>> _evaluate;
    private readonly TimeProvider _time;
    private readonly TimeSpan _cacheDuration;
    private readonly Lock _gate = new();
    private Snapshot? _latest;
    private Task<HealthReport>? _inFlight;

    public CachedHealthEvaluation(IReadOnlyList<HealthCheckRegistration> registrations, Func<Task<HealthReport>> evaluate, TimeProvider time, TimeSpan cacheDuration)
    {
        Registrations = registrations;
        _evaluate = evaluate;
        _time = time;
        _cacheDuration = cacheDuration;
    }

    /// <summary>The checks this evaluation runs; empty means there is nothing to evaluate.</summary>
    public IReadOnlyList<HealthCheckRegistration> Registrations { get; }

    public ValueTask<HealthReport> GetAsync()
    {
        var latest = Volatile.Read(ref _latest);
        if (latest is not null && _time.GetElapsedTime(latest.CompletedAt) < _cacheDuration)
        {
            return new ValueTask<HealthReport>(latest.Report);
        }

        return new ValueTask<HealthReport>(StartOrJoin());
    }

    private Task<HealthReport> StartOrJoin()
    {
        lock (_gate)
        {
            var latest = _latest;
            if (latest is not null && _time.GetElapsedTime(latest.CompletedAt) < _cacheDuration)
            {
                return Task.FromResult(latest.Report);
            }

            return _inFlight ??= Task.Run(EvaluateAsync);
        }
    }

    private async Task<HealthReport> EvaluateAsync()
    {
        HealthReport report;
        try
        {
            report = await _evaluate().ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight = null;
            }
        }

        Volatile.Write(ref _latest, new Snapshot(report, _time.GetTimestamp()));
        return report;
    }

    private sealed record Snapshot(HealthReport Report, long CompletedAt);
}
