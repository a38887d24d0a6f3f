using System.Diagnostics;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ProductionReady.Tests.Logging;

/// <summary>Builds events the way Serilog builds them (capture, destructuring), at a fixed time.</summary>
internal static class LogEvents
{
    /// <summary>2026-11-25 09:30:15.1234567 +02:00, i.e. 07:30:15.1234567 UTC.</summary>
    public static readonly DateTimeOffset FixedTime = new DateTimeOffset(2026, 11, 25, 9, 30, 15, TimeSpan.FromHours(2)).AddTicks(1_234_567);

    public const string FixedTimeUtc = "2026-11-25T07:30:15.1234567Z";

    public static LogEvent Capture(Action<Serilog.ILogger> log)
    {
        var sink = new CollectingSink();
        using (var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger())
        {
            log(logger);
        }

        var captured = Assert.Single(sink.Events);
        return new LogEvent(
            FixedTime,
            captured.Level,
            captured.Exception,
            captured.MessageTemplate,
            captured.Properties.Select(p => new LogEventProperty(p.Key, p.Value)),
            captured.TraceId ?? default,
            captured.SpanId ?? default);
    }

    public static string Clef(LogEvent logEvent, bool rendered = false)
    {
        var output = new StringWriter { NewLine = "\n" };
        (rendered ? new RenderedCompactJsonFormatter() : (Serilog.Formatting.ITextFormatter)new CompactJsonFormatter()).Format(logEvent, output);
        var text = output.ToString();
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text[..^1];
    }

    public static string Clef(Action<Serilog.ILogger> log, bool rendered = false) => Clef(Capture(log), rendered);

    internal sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent)
        {
            lock (Events)
            {
                Events.Add(logEvent);
            }
        }
    }
}
