using System.Diagnostics.Metrics;

namespace ProductionReady.Tests.RateLimits;

/// <summary>An <see cref="IMeterFactory"/> for tests that build a rate-limit store by hand: its meters live as long as it does.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(m => m.Dispose());
}
