using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductionReady.Health;

/// <summary>
/// The three cached evaluations the probes use, built once from the registered checks: liveness
/// (tag <c>live</c>), readiness (tag <c>ready</c>) and the overall report (every check).
/// </summary>
internal sealed class HealthEvaluations
{
    public HealthEvaluations(
        IOptions<HealthCheckServiceOptions> checks,
        IOptions<ProductionReadyHealthOptions> options,
        HealthCheckRunner runner,
        HealthStatusChanges statusChanges,
        HealthMetrics metrics,
        TimeProvider time)
    {
        var all = checks.Value.Registrations.ToArray();
        var duplicates = all.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (duplicates.Length > 0)
        {
            throw new InvalidOperationException(
                $"Health check names must be unique; registered more than once: {string.Join(", ", duplicates)}. Give each AddCheck a distinct name.");
        }

        var cache = options.Value.CacheDuration;
        CachedHealthEvaluation Create(HealthCheckRegistration[] registrations) => new(
            registrations,
            async () =>
            {
                var report = await runner.RunAsync(registrations).ConfigureAwait(false);
                statusChanges.Observe(report);
                metrics.Record(report);
                return report;
            },
            time,
            cache);

        Live = Create(all.Where(r => r.Tags.Contains(HealthCheckTags.Live)).ToArray());
        Ready = Create(all.Where(r => r.Tags.Contains(HealthCheckTags.Ready)).ToArray());
        All = Create(all);
    }

    public CachedHealthEvaluation Live { get; }

    public CachedHealthEvaluation Ready { get; }

    public CachedHealthEvaluation All { get; }
}
