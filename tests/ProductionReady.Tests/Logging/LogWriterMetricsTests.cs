using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ProductionReady.Logging;

namespace ProductionReady.Tests.Logging;

/// <summary>The log writer's counters on the ProductionReady meter, and its drop report, with a stdout that blocks.</summary>
public sealed class LogWriterMetricsTests
{
    private static readonly Action<ILogger, int, Exception?> LogNumbered =
        LoggerMessage.Define<int>(LogLevel.Information, new EventId(7, "Numbered"), "Event {Number} with some padding to make the line longer than a short one");

    [Fact]
    public async Task A_blocked_stdout_drops_and_counts_and_the_first_write_after_it_reports_how_many()
    {
        var blocked = new BlockingWriter();
        await using var log = await CapturedLog.StartAsync(services: s => s.AddSingleton(LogDestination.To(blocked)));
        var meters = log.App.Services.GetRequiredService<IMeterFactory>();
        using var written = new MetricCollector<long>(meters, LogMetrics.MeterName, LogMetrics.WrittenName);
        using var dropped = new MetricCollector<long>(meters, LogMetrics.MeterName, LogMetrics.DroppedName);
        var logger = log.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Numbered");

        // The writer blocks on its first batch; the 4 MiB buffer then fills and later events are dropped.
        const int events = 30_000;
        for (var i = 0; i < events; i++)
        {
            LogNumbered(logger, i, null);
        }

        var droppedWhileBlocked = dropped.GetMeasurementSnapshot().Sum(m => m.Value);
        Assert.InRange(droppedWhileBlocked, 1, events - 1);

        blocked.Release();
        log.Flush();
        var lines = blocked.Lines();
        var report = JsonDocument.Parse(Assert.Single(lines, l => l.Contains("\"DroppedEvents\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal(droppedWhileBlocked, report.GetProperty("DroppedEvents").GetInt64());
        Assert.Equal("Warning", report.GetProperty("@l").GetString());

        var numbered = lines.Count(l => l.Contains("\"Number\"", StringComparison.Ordinal));
        Assert.Equal(events, numbered + droppedWhileBlocked);
        Assert.True(written.GetMeasurementSnapshot().Sum(m => m.Value) >= numbered + 1);
    }

    /// <summary>A stdout whose first write blocks until released (a stopped log reader).</summary>
    private sealed class BlockingWriter : StringWriter
    {
        private readonly ManualResetEventSlim _released = new();

        public void Release() => _released.Set();

        public string[] Lines()
        {
            lock (this)
            {
                return ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            _released.Wait();
            base.Write(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            _released.Dispose();
            base.Dispose(disposing);
        }
    }
}
