using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductionReady.Tests.Health;

/// <summary>A check whose answer the test sets, counting its runs; optionally held until released.</summary>
internal sealed class SwitchableCheck : IHealthCheck
{
    private int _runs;

    public HealthCheckResult Result { get; set; } = HealthCheckResult.Healthy("fine");

    public TaskCompletionSource? Gate { get; set; }

    public int Runs => Volatile.Read(ref _runs);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _runs);
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        return Result;
    }
}

/// <summary>A dependency that hangs and ignores cancellation, the worst case for a probe.</summary>
internal sealed class HungCheck : IHealthCheck
{
    private static readonly TaskCompletionSource<HealthCheckResult> Never = new();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => Never.Task;
}

/// <summary>A check that throws, with a message that must not leave the process outside Development.</summary>
internal sealed class ThrowingCheck : IHealthCheck
{
    public const string Secret = "connection to db-7.internal:5432 refused";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Secret);
}
