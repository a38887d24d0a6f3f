using System.Collections;
using System.Diagnostics;
using Serilog.Events;
using Serilog.Parsing;

namespace ProductionReady.Benchmarks.Logging;

/// <summary>
/// The same two events for every formatter: a request-completion event as the middleware writes it (five
/// scalars plus the usual enrichment), and a richer one (a formatted token, a destructured object, a sequence).
/// </summary>
internal static class BenchmarkEvents
{
    public const string RequestTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {ElapsedMs} ms";
    public const string RichTemplate = "Order {OrderId} for {@Customer} totals {Total:0.00} over {Lines}";

    public static readonly DateTimeOffset Timestamp = new(2026, 11, 25, 9, 30, 15, TimeSpan.Zero);
    public static readonly ActivityTraceId TraceId = ActivityTraceId.CreateFromString("0af7651916cd43dd8448eb211c80319c");
    public static readonly ActivitySpanId SpanId = ActivitySpanId.CreateFromString("b7ad6b7169203331");

    public static LogEvent Request() => new(
        Timestamp,
        LogEventLevel.Information,
        null,
        new MessageTemplateParser().Parse(RequestTemplate),
        [
            new LogEventProperty("RequestMethod", new ScalarValue("GET")),
            new LogEventProperty("RequestPath", new ScalarValue("/orders/42")),
            new LogEventProperty("StatusCode", new ScalarValue(200)),
            new LogEventProperty("ElapsedMs", new ScalarValue(1.234)),
            new LogEventProperty("RequestId", new ScalarValue("4bf92f3577b34da6a3ce929d0e0e4736")),
            new LogEventProperty("SourceContext", new ScalarValue("ProductionReady.RequestLogging")),
            new LogEventProperty("ServiceName", new ScalarValue("orders")),
            new LogEventProperty("ServiceVersion", new ScalarValue("1.4.2")),
            new LogEventProperty("Environment", new ScalarValue("Production")),
        ],
        TraceId,
        SpanId);

    public static LogEvent Rich() => new(
        Timestamp,
        LogEventLevel.Warning,
        null,
        new MessageTemplateParser().Parse(RichTemplate),
        [
            new LogEventProperty("OrderId", new ScalarValue(123456)),
            new LogEventProperty("Customer", new StructureValue(
                [
                    new LogEventProperty("Name", new ScalarValue("Zoë \"Z\" O'Neil")),
                    new LogEventProperty("Since", new ScalarValue(new DateTime(2019, 4, 1, 0, 0, 0, DateTimeKind.Utc))),
                    new LogEventProperty("Vip", new ScalarValue(true)),
                ],
                "Customer")),
            new LogEventProperty("Total", new ScalarValue(1234.5m)),
            new LogEventProperty("Lines", new SequenceValue([new ScalarValue("A-1"), new ScalarValue("B-22"), new ScalarValue("C-333")])),
            new LogEventProperty("SourceContext", new ScalarValue("Orders.Checkout")),
            new LogEventProperty("ServiceName", new ScalarValue("orders")),
        ],
        TraceId,
        SpanId);

    /// <summary>The request event as Microsoft.Extensions.Logging state, for its JSON console formatter.</summary>
    internal readonly struct RequestState : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private static readonly object Status = 200;
        private static readonly object Elapsed = 1.234;

        public int Count => 9;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("RequestMethod", "GET"),
            1 => new("RequestPath", "/orders/42"),
            2 => new("StatusCode", Status),
            3 => new("ElapsedMs", Elapsed),
            4 => new("RequestId", "4bf92f3577b34da6a3ce929d0e0e4736"),
            5 => new("ServiceName", "orders"),
            6 => new("ServiceVersion", "1.4.2"),
            7 => new("Environment", "Production"),
            _ => new("{OriginalFormat}", RequestTemplate),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        // The message as Microsoft.Extensions.Logging produces it for every event (LoggerMessage formats the
        // template's values the same way): not a precomputed string, which would flatter it.
        public override string ToString() =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, "HTTP {0} {1} responded {2} in {3} ms", this[0].Value, this[1].Value, this[2].Value, this[3].Value);
    }
}
