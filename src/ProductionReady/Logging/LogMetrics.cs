using System.Diagnostics.Metrics;

namespace ProductionReady.Logging;

/// <summary>
/// Log events written to and dropped before stdout, as counters on the <c>ProductionReady</c> meter
/// (<c>productionready.log.events.written</c>, <c>productionready.log.events.dropped</c>), for any metrics
/// listener (OpenTelemetry, dotnet-counters, the Metrics capability).
/// </summary>
internal sealed class LogMetrics
{
    public const string MeterName = "ProductionReady";
    public const string WrittenName = "productionready.log.events.written";
    public const string DroppedName = "productionready.log.events.dropped";

    private readonly Counter<long> _written;
    private readonly Counter<long> _dropped;

    public LogMetrics(IMeterFactory? meterFactory)
    {
        // Through the host's factory when there is one, so the meter is scoped to (and disposed with) the host.
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _written = meter.CreateCounter<long>(WrittenName, "{event}", "Log events written to stdout.");
        _dropped = meter.CreateCounter<long>(DroppedName, "{event}", "Log events dropped because stdout did not take them in time.");
    }

    public void Written(long events) => _written.Add(events);

    public void Dropped(long events) => _dropped.Add(events);
}
