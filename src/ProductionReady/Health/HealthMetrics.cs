using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductionReady.Health;

/// <summary>
/// The health checks on the <c>ProductionReady</c> meter: each check's last status as a gauge
/// (<c>productionready.health.status</c>: 1 Healthy, 0.5 Degraded, 0 Unhealthy) and each run's duration
/// (<c>productionready.health.check.duration</c>, seconds). Both are tagged with the check's name, a set
/// the app fixes at registration, and follow the evaluations the probes trigger.
/// </summary>
internal sealed class HealthMetrics
{
    private const string MeterName = "ProductionReady";
    private readonly ConcurrentDictionary<string, double> _status = new(StringComparer.OrdinalIgnoreCase);
    private readonly Histogram<double> _duration;

    public HealthMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge(
            "productionready.health.status",
            Observe,
            unit: "{status}",
            description: "Each health check's last status: 1 Healthy, 0.5 Degraded, 0 Unhealthy.");
        _duration = meter.CreateHistogram<double>(
            "productionready.health.check.duration",
            unit: "s",
            description: "How long each health check run took.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public void Record(HealthReport report)
    {
        foreach (var (name, entry) in report.Entries)
        {
            _status[name] = entry.Status switch
            {
                HealthStatus.Healthy => 1,
                HealthStatus.Degraded => 0.5,
                _ => 0,
            };
            _duration.Record(entry.Duration.TotalSeconds, new KeyValuePair<string, object?>("check", name), new KeyValuePair<string, object?>("status", entry.Status.ToString()));
        }
    }

    private IEnumerable<Measurement<double>> Observe()
    {
        foreach (var (name, value) in _status)
        {
            yield return new Measurement<double>(value, new KeyValuePair<string, object?>("check", name));
        }
    }
}
