using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductionReady.Health;

/// <summary>
/// Remembers each check's last status across every probe and logs a change once: to Unhealthy at
/// Error, to Degraded or back to Healthy at Warning. A check that starts Healthy is not logged.
/// </summary>
internal sealed class HealthStatusChanges
{
    private readonly ILogger _logger;
    private readonly Dictionary<string, HealthStatus> _last = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public HealthStatusChanges(ILoggerFactory loggerFactory) => _logger = loggerFactory.CreateLogger(HealthLog.Category);

    public void Observe(HealthReport report)
    {
        lock (_gate)
        {
            foreach (var (name, entry) in report.Entries)
            {
                var known = _last.TryGetValue(name, out var previous);
                if (known && previous == entry.Status)
                {
                    continue;
                }

                _last[name] = entry.Status;
                if (!known && entry.Status == HealthStatus.Healthy)
                {
                    continue;
                }

                var was = known ? previous.ToString() : "unknown";
                if (entry.Status == HealthStatus.Unhealthy)
                {
                    HealthLog.CheckUnhealthy(_logger, name, entry.Status.ToString(), was, entry.Description, entry.Exception);
                }
                else
                {
                    HealthLog.CheckChanged(_logger, name, entry.Status.ToString(), was, entry.Description);
                }
            }
        }
    }
}
