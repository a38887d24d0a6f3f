using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ProductionReady.Logging;
using ProductionReady.Logging.Clef;
using Serilog.Events;
using Serilog.Formatting.Json;
using Serilog.Parsing;
using static ProductionReady.Tests.Logging.LogEvents;

namespace ProductionReady.Tests.Logging;

/// <summary>
/// Golden lines: what Serilog.Formatting.Compact 2.0 (CompactJsonFormatter and RenderedCompactJsonFormatter
/// over Serilog 3.1's JsonValueFormatter with the "$type" tag) writes for the same events, derived from its
/// published format and source.
/// </summary>
public sealed class ClefFormatterTests
{
    private const string T = "{\"@t\":\"" + FixedTimeUtc + "\"";

    [Fact]
    public void Plain_message()
    {
        Assert.Equal(T + ",\"@mt\":\"Hello, world\"}", Clef(l => l.Information("Hello, world")));
    }

    [Fact]
    public void The_readme_sample()
    {
        Assert.Equal(
            T + ",\"@mt\":\"Hello, {User}\",\"User\":\"nblumhardt\"}",
            Clef(l => l.Information("Hello, {User}", "nblumhardt")));
    }

    [Fact]
    public void Properties_of_every_primitive_type()
    {
        var guid = new Guid("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        var line = Clef(l => l.Information(
            "{S} {I} {L} {D} {F} {M} {B} {C} {By} {Sb} {Sh} {Us} {Ui} {Ul} {G} {N} {E}",
            "text", 42, -7L, 3.25d, 1.5f, 12.50m, true, 'x', (byte)255, (sbyte)-8, (short)-300, (ushort)60000, 4_000_000_000u, 18_000_000_000_000_000_000ul, guid, null, DayOfWeek.Monday));

        Assert.Equal(
            T + ",\"@mt\":\"{S} {I} {L} {D} {F} {M} {B} {C} {By} {Sb} {Sh} {Us} {Ui} {Ul} {G} {N} {E}\"," +
            "\"S\":\"text\",\"I\":42,\"L\":-7,\"D\":3.25,\"F\":1.5,\"M\":12.50,\"B\":true,\"C\":\"x\",\"By\":255,\"Sb\":-8,\"Sh\":-300," +
            "\"Us\":60000,\"Ui\":4000000000,\"Ul\":18000000000000000000,\"G\":\"6f9619ff-8b86-d011-b42d-00c04fc964ff\",\"N\":null,\"E\":\"Monday\"}",
            line);
    }

    [Fact]
    public void Dates_times_and_special_numbers()
    {
        var line = Clef(l => l.Information(
            "{Dt} {Local} {Dto} {Ts} {Do} {To} {Big} {Tiny} {Nan} {Inf} {NegZero} {Uri}",
            new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), new DateTime(2026, 1, 2, 3, 4, 5, 6, DateTimeKind.Unspecified),
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5)), TimeSpan.FromMilliseconds(90_061_001.5),
            new DateOnly(2026, 1, 2), new TimeOnly(3, 4, 5, 6), 1e21, 5e-324, double.NaN, float.PositiveInfinity, -0.0, new Uri("https://example.test/a?b=c")));

        Assert.Equal(
            T + ",\"@mt\":\"{Dt} {Local} {Dto} {Ts} {Do} {To} {Big} {Tiny} {Nan} {Inf} {NegZero} {Uri}\"," +
            "\"Dt\":\"2026-01-02T03:04:05.0000000Z\",\"Local\":\"2026-01-02T03:04:05.0060000\",\"Dto\":\"2026-01-02T03:04:05.0000000-05:00\"," +
            "\"Ts\":\"1.01:01:01.0015000\",\"Do\":\"2026-01-02\",\"To\":\"03:04:05.0060000\",\"Big\":1E+21,\"Tiny\":5E-324,\"Nan\":\"NaN\"," +
            "\"Inf\":\"Infinity\",\"NegZero\":-0,\"Uri\":\"https://example.test/a?b=c\"}",
            line);
    }

    [Fact]
    public void Format_specifiers_become_renderings()
    {
        var line = Clef(l => l.Information("Processed {Count:000} items on {When:yyyy-MM-dd} by {Who}", 7, new DateTime(2026, 1, 2), "ann"));
        Assert.Equal(
            T + ",\"@mt\":\"Processed {Count:000} items on {When:yyyy-MM-dd} by {Who}\",\"@r\":[\"007\",\"2026-01-02\"]," +
            "\"Count\":7,\"When\":\"2026-01-02T00:00:00.0000000\",\"Who\":\"ann\"}",
            line);
    }

    [Fact]
    public void Renderings_are_invariant_and_escaped()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var line = Clef(l => l.Information("{Amount:0.00} {Text:l}", 1234.5, "a\"b"));
            Assert.Equal(
                T + ",\"@mt\":\"{Amount:0.00} {Text:l}\",\"@r\":[\"1234.50\",\"a\\\"b\"],\"Amount\":1234.5,\"Text\":\"a\\\"b\"}",
                line);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Destructured_and_stringified_objects()
    {
        var order = new Order { Id = 1, Customer = "Ann", Lines = ["a", "b"], Total = 9.99m };
        Assert.Equal(
            T + ",\"@mt\":\"Placed {@Order}\",\"Order\":{\"Id\":1,\"Customer\":\"Ann\",\"Lines\":[\"a\",\"b\"],\"Total\":9.99,\"$type\":\"Order\"}}",
            Clef(l => l.Information("Placed {@Order}", order)));
        Assert.Equal(
            T + ",\"@mt\":\"Placed {$Order}\",\"Order\":\"Order #1\"}",
            Clef(l => l.Information("Placed {$Order}", order)));
        Assert.Equal(
            T + ",\"@mt\":\"Point {@P}\",\"P\":{\"X\":1,\"Y\":2}}",
            Clef(l => l.Information("Point {@P}", new { X = 1, Y = 2 })));
        Assert.Equal(
            T + ",\"@mt\":\"Empty {@E}\",\"E\":{\"$type\":\"Empty\"}}",
            Clef(l => l.Information("Empty {@E}", new Empty())));
    }

    [Fact]
    public void Sequences_and_dictionaries()
    {
        var line = Clef(l => l.Information(
            "{Tags} {Nested} {Scores} {ById} {Empty} {Mixed}",
            new[] { "a", "b" },
            new List<int[]> { new[] { 1, 2 }, new[] { 3 } },
            new Dictionary<string, int> { ["x"] = 1, ["y\"z"] = 2 },
            new Dictionary<int, string?> { [1] = "one", [2] = null },
            Array.Empty<int>(),
            new object?[] { 1, "two", null, 3.5 }));

        Assert.Equal(
            T + ",\"@mt\":\"{Tags} {Nested} {Scores} {ById} {Empty} {Mixed}\",\"Tags\":[\"a\",\"b\"],\"Nested\":[[1,2],[3]]," +
            "\"Scores\":{\"x\":1,\"y\\\"z\":2},\"ById\":{\"1\":\"one\",\"2\":null},\"Empty\":[],\"Mixed\":[1,\"two\",null,3.5]}",
            line);
    }

    [Fact]
    public void Exception_with_inner_exception()
    {
        var exception = Thrown(() => throw new InvalidOperationException("outer", Thrown(() => throw new ArgumentException("inner \"quoted\""))));
        var line = Clef(l => l.Error(exception, "Failed {Op}", "save"));
        Assert.Equal(
            T + ",\"@mt\":\"Failed {Op}\",\"@l\":\"Error\",\"@x\":" + SerilogQuoted(exception.ToString()) + ",\"Op\":\"save\"}",
            line);
        Assert.Contains(" ---> System.ArgumentException: inner \\\"quoted\\\"", line, StringComparison.Ordinal);
        Assert.Contains("\\n   at ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregate_exception()
    {
        var exception = new AggregateException("many", new InvalidOperationException("a"), new TimeoutException("b"));
        Assert.Equal(
            T + ",\"@mt\":\"Batch failed\",\"@l\":\"Fatal\",\"@x\":\"System.AggregateException: many (a) (b)\\n" +
            " ---> System.InvalidOperationException: a\\n   --- End of inner exception stack trace ---\\n" +
            " ---> (Inner Exception #1) System.TimeoutException: b<---\\n\"}",
            Clef(l => l.Fatal(exception, "Batch failed")));
    }

    [Fact]
    public void At_prefixed_property_names_are_escaped_by_doubling()
    {
        Assert.Equal(T + ",\"@mt\":\"Hello\",\"@@Mistake\":42}", Clef(l => l.ForContext("@Mistake", 42).Information("Hello")));
        var logEvent = new LogEvent(FixedTime, LogEventLevel.Information, null, new MessageTemplateParser().Parse("x"), [new LogEventProperty("@@twice", new ScalarValue(1)), new LogEventProperty("mid@dle", new ScalarValue(2))]);
        Assert.Equal(T + ",\"@mt\":\"x\",\"@@@twice\":1,\"mid@dle\":2}", Clef(logEvent));
    }

    [Fact]
    public void Quotes_backslashes_control_characters_lone_surrogates_and_non_ascii()
    {
        const string value = "He said \"hi\" \\ C:\\path\n\r\t\f\b\u0001\u001f\u007f é 日本 😀 \ud800 \udc00 \u2028 </script>";
        var line = Clef(l => l.Information("Quote \"{V}\" \\ é\n", value));
        Assert.Equal(
            T + ",\"@mt\":\"Quote \\\"{V}\\\" \\\\ é\\n\",\"V\":\"He said \\\"hi\\\" \\\\ C:\\\\path\\n\\r\\t\\f\\u0008\\u0001\\u001F\u007f é 日本 😀 \ud800 \udc00 \u2028 </script>\"}",
            line);
    }

    [Theory]
    [InlineData(LogEventLevel.Verbose, ",\"@l\":\"Verbose\"")]
    [InlineData(LogEventLevel.Debug, ",\"@l\":\"Debug\"")]
    [InlineData(LogEventLevel.Information, "")]
    [InlineData(LogEventLevel.Warning, ",\"@l\":\"Warning\"")]
    [InlineData(LogEventLevel.Error, ",\"@l\":\"Error\"")]
    [InlineData(LogEventLevel.Fatal, ",\"@l\":\"Fatal\"")]
    public void Every_level(LogEventLevel level, string expected)
    {
        Assert.Equal(T + ",\"@mt\":\"Level\"" + expected + "}", Clef(l => l.Write(level, "Level")));
    }

    [Fact]
    public void Trace_and_span_ids_follow_the_exception()
    {
        var template = new MessageTemplateParser().Parse("Traced {N}");
        var logEvent = new LogEvent(
            FixedTime, LogEventLevel.Warning, new TimeoutException("slow"), template, [new LogEventProperty("N", new ScalarValue(1))],
            ActivityTraceId.CreateFromString("0af7651916cd43dd8448eb211c80319c"), ActivitySpanId.CreateFromString("b7ad6b7169203331"));
        Assert.Equal(
            T + ",\"@mt\":\"Traced {N}\",\"@l\":\"Warning\",\"@x\":\"System.TimeoutException: slow\",\"@tr\":\"0af7651916cd43dd8448eb211c80319c\",\"@sp\":\"b7ad6b7169203331\",\"N\":1}",
            Clef(logEvent));
    }

    [Fact]
    public void Rendered_variant_writes_the_message_and_the_template_hash()
    {
        Assert.Equal(
            T + ",\"@m\":\"Hello, \\\"nblumhardt\\\"\",\"@i\":\"0482b02f\",\"User\":\"nblumhardt\"}",
            Clef(l => l.Information("Hello, {User}", "nblumhardt"), rendered: true));
        Assert.Equal(
            T + ",\"@m\":\"Processed 007 items on 2026-01-02\",\"@i\":\"90031792\",\"@l\":\"Debug\",\"Count\":7,\"When\":\"2026-01-02T00:00:00.0000000\"}",
            Clef(l => l.Debug("Processed {Count:000} items on {When:yyyy-MM-dd}", 7, new DateTime(2026, 1, 2)), rendered: true));
        Assert.Equal(
            T + ",\"@m\":\"Line\\nbreak \\\"x\\\\y\\\"\",\"@i\":\"" + ClefEventId.Compute("Line\nbreak {V}").ToString("x8", CultureInfo.InvariantCulture) + "\",\"V\":\"x\\\\y\"}",
            Clef(l => l.Information("Line\nbreak {V}", "x\\y"), rendered: true));
    }

    [Fact]
    public void Event_id_is_the_jenkins_one_at_a_time_hash()
    {
        Assert.Equal(0x0482b02fu, ClefEventId.Compute("Hello, {User}"));
        Assert.Equal(0xf76a40fau, ClefEventId.Compute("One {Property}"));
        Assert.Equal(0u, ClefEventId.Compute(string.Empty));
    }

    [Fact]
    public void Every_line_is_valid_json()
    {
        var order = new Order { Id = 1, Customer = "Ann\u0000", Lines = ["\ud800"], Total = 1m };
        var exception = new AggregateException(new InvalidOperationException("x\"y"));
        foreach (var rendered in new[] { false, true })
        {
            var line = Clef(l => l.Error(exception, "{@Order} {Count:000} {$S} \"q\" \\ {N}", order, 5, "s\n", null), rendered);
            // As it reaches stdout: UTF-8, where a lone surrogate becomes U+FFFD.
            using var document = JsonDocument.Parse(System.Text.Encoding.UTF8.GetBytes(line));
            Assert.Equal(FixedTimeUtc, document.RootElement.GetProperty("@t").GetString());
        }
    }

    /// <summary>The strings Serilog's own escaper writes, for every UTF-16 code unit.</summary>
    [Fact]
    public void String_escaping_matches_serilog_for_every_code_unit()
    {
        var all = string.Create(65536, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)i;
            }
        });

        var ours = new StringWriter();
        JsonText.WriteQuoted(all, ours);
        var serilogs = new StringWriter();
        JsonValueFormatter.WriteQuotedJsonString(all, serilogs);
        Assert.Equal(serilogs.ToString(), ours.ToString());
    }

    /// <summary>Values through Serilog's own JsonValueFormatter ("$type"), the one CompactJsonFormatter uses.</summary>
    [Fact]
    public void Property_values_match_serilogs_value_formatter()
    {
        object?[] scalars =
        [
            null, "", "s", 0, int.MinValue, int.MaxValue, long.MinValue, ulong.MaxValue, decimal.MaxValue, -1.5m, 0.1, 1.0 / 3, double.MaxValue,
            double.Epsilon, double.NegativeInfinity, float.NaN, float.MaxValue, 0.1f, (byte)0, sbyte.MinValue, short.MaxValue, ushort.MaxValue,
            uint.MaxValue, true, false, 'q', '"', '\n', '\u0001', DateTime.MinValue, DateTime.MaxValue, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local),
            DateTimeOffset.MaxValue, TimeSpan.MinValue, TimeSpan.FromTicks(1), new DateOnly(1, 1, 1), TimeOnly.MaxValue, Guid.Empty,
            DayOfWeek.Friday, (DayOfWeek)42, new Uri("file:///tmp/x"), (Half)1.5, (Int128)5, (nint)3, new Version(1, 2, 3), new object(),
        ];

        var values = scalars.Select(v => (LogEventPropertyValue)new ScalarValue(v)).ToList();
        values.Add(new SequenceValue(values.ToArray()));
        values.Add(new StructureValue([new LogEventProperty("a", new ScalarValue(1)), new LogEventProperty("b\"", new SequenceValue([]))], "T\\ag"));
        values.Add(new StructureValue([], null));
        values.Add(new DictionaryValue([
            new KeyValuePair<ScalarValue, LogEventPropertyValue>(new ScalarValue(null), new ScalarValue(1)),
            new KeyValuePair<ScalarValue, LogEventPropertyValue>(new ScalarValue(1.5), new ScalarValue("x")),
            new KeyValuePair<ScalarValue, LogEventPropertyValue>(new ScalarValue("k\n"), new StructureValue([], "E")),
        ]));

        var serilog = new JsonValueFormatter("$type");
        foreach (var value in values)
        {
            var expected = new StringWriter();
            serilog.Format(value, expected);
            var actual = new StringWriter();
            JsonPropertyValueWriter.Write(value, actual);
            Assert.Equal(expected.ToString(), actual.ToString());
        }
    }

    /// <summary>@m and @r renderings against Serilog's own MessageTemplate.Render / PropertyToken.Render.</summary>
    [Fact]
    public void Message_rendering_matches_serilogs_renderer()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var events = new[]
            {
                Capture(l => l.Information("{S} {Q} {L:l} {N} {B} {D:0.0} {D2} {M:C} {Dt:u} {Dt2} {G:N} {E} {E2:D} {C} {U} {O}",
                    "plain", "has \"quotes\" in", "literal \"q\"", null, true, 3.14159, 2.5e-7, 12.3m, new DateTime(2026, 1, 2, 3, 4, 5), new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)),
                    Guid.Empty, DayOfWeek.Sunday, DayOfWeek.Monday, 'c', new Uri("http://x/"), new Version(1, 2))),
                Capture(l => l.Information("{A,5}|{B,-5}|{C,3:000} {{escaped}} {Missing} {@Obj} {$Str} {Seq} {Dict}", 1, "x", 7, new { X = 1, Y = "two" }, new[] { 1 }, new[] { "a", "b\"" }, new Dictionary<string, int> { ["k"] = 1 })),
                Capture(l => l.Information("No properties at all \"quoted\" {0} {1:x4}", "positional", 255)),
            };

            foreach (var logEvent in events)
            {
                var expected = new StringWriter();
                logEvent.MessageTemplate.Render(logEvent.Properties, expected, CultureInfo.InvariantCulture);
                var actual = new CharBufferWriter();
                MessageRenderer.RenderMessage(logEvent, actual);
                Assert.Equal(expected.ToString(), new string(actual.Written));

                foreach (var token in logEvent.MessageTemplate.Tokens.OfType<PropertyToken>())
                {
                    var expectedToken = new StringWriter();
                    token.Render(logEvent.Properties, expectedToken, CultureInfo.InvariantCulture);
                    var actualToken = new CharBufferWriter();
                    MessageRenderer.RenderToken(token, logEvent.Properties, actualToken);
                    Assert.Equal(expectedToken.ToString(), new string(actualToken.Written));
                }
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static string SerilogQuoted(string text)
    {
        var output = new StringWriter();
        JsonValueFormatter.WriteQuotedJsonString(text, output);
        return output.ToString();
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new InvalidOperationException("The action did not throw.");
    }

    private sealed class Order
    {
        public int Id { get; init; }

        public string Customer { get; init; } = "";

        public string[] Lines { get; init; } = [];

        public decimal Total { get; init; }

        public override string ToString() => $"Order #{Id}";
    }

    private sealed class Empty;
}
