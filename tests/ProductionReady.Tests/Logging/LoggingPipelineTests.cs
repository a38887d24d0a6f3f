// Tests log the way applications do: plain LogInformation calls are the point, not a performance problem.
#pragma warning disable CA1848, CA1873

using System.Text.Json;
using Microsoft.Extensions.Options;
using ProductionReady.Logging;

namespace ProductionReady.Tests.Logging;

/// <summary>The wiring: formats per environment, levels from configuration, enrichment, nothing lost.</summary>
public sealed class LoggingPipelineTests
{
    private static ILogger Logger(CapturedLog log, string category = "Pipeline") =>
        log.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

    [Fact]
    public async Task Production_writes_clef_with_service_identity()
    {
        await using var log = await CapturedLog.StartAsync();
        Logger(log).LogWarning("Disk {Percent} full", 91);

        var line = log.Lines.Single(l => l.Contains("Disk", StringComparison.Ordinal));
        Assert.StartsWith("{\"@t\":\"", line, StringComparison.Ordinal);
        var e = JsonDocument.Parse(line).RootElement;
        Assert.Equal("Disk {Percent} full", e.GetProperty("@mt").GetString());
        Assert.Equal("Warning", e.GetProperty("@l").GetString());
        Assert.Equal(91, e.GetProperty("Percent").GetInt32());
        Assert.Equal("Pipeline", e.GetProperty("SourceContext").GetString());
        Assert.Equal("orders", e.GetProperty("ServiceName").GetString());
        Assert.Equal("Production", e.GetProperty("Environment").GetString());
        Assert.False(string.IsNullOrEmpty(e.GetProperty("ServiceVersion").GetString()));
        Assert.False(e.TryGetProperty("TraceId", out _), "trace ids travel as @tr/@sp, not as scope properties");
    }

    [Fact]
    public async Task Events_carry_the_current_activity_as_tr_and_sp()
    {
        await using var log = await CapturedLog.StartAsync();
        using (var activity = new System.Diagnostics.Activity("work").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start())
        {
            Logger(log).LogInformation("Inside");
            var e = JsonDocument.Parse(log.Lines.Single(l => l.Contains("Inside", StringComparison.Ordinal))).RootElement;
            Assert.Equal(activity.TraceId.ToHexString(), e.GetProperty("@tr").GetString());
            Assert.Equal(activity.SpanId.ToHexString(), e.GetProperty("@sp").GetString());
        }
    }

    [Fact]
    public async Task Development_writes_readable_text_unless_json_is_asked_for()
    {
        await using (var log = await CapturedLog.StartAsync(environment: "Development"))
        {
            Logger(log).LogInformation("Hello {Name}", "dev");
            var line = log.Lines.Single(l => l.Contains("Hello", StringComparison.Ordinal));
            Assert.Matches(@"^\[\d\d:\d\d:\d\d INF\] Pipeline: Hello dev$", line);
        }

        var json = new Dictionary<string, string?> { ["ProductionReady:Logging:Format"] = "json" };
        await using (var log = await CapturedLog.StartAsync(environment: "Development", configuration: json))
        {
            Logger(log).LogInformation("Hello {Name}", "dev");
            Assert.Contains(log.Events, e => e.GetProperty("@mt").GetString() == "Hello {Name}");
        }

        await using (var log = await CapturedLog.StartAsync(configure: o => o.Format = LogFormat.Text))
        {
            Logger(log).LogInformation("Hello {Name}", "prod");
            Assert.Contains(log.Lines, l => l.EndsWith("INF] Pipeline: Hello prod", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Rendered_messages_on_request()
    {
        var configuration = new Dictionary<string, string?> { ["ProductionReady:Logging:RenderMessage"] = "true" };
        await using var log = await CapturedLog.StartAsync(configuration: configuration);
        Logger(log).LogInformation("Hello {Name}", "ann");
        var e = log.Events.Single(e => e.TryGetProperty("Name", out _));
        Assert.Equal("Hello \"ann\"", e.GetProperty("@m").GetString()); // strings render quoted, as Serilog renders them
        Assert.Matches("^[0-9a-f]{8}$", e.GetProperty("@i").GetString());
        Assert.False(e.TryGetProperty("@mt", out _));
    }

    [Fact]
    public async Task Levels_come_from_logging_loglevel_with_per_category_overrides_and_the_serilog_section()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Chatty"] = "Debug",
            ["Serilog:MinimumLevel:Override:Chatty.Trimmed"] = "Error",
        };
        await using var log = await CapturedLog.StartAsync(configuration: configuration);
        Logger(log, "Quiet").LogInformation("quiet-info");
        Logger(log, "Quiet").LogWarning("quiet-warning");
        Logger(log, "Chatty").LogDebug("chatty-debug");
        Logger(log, "Chatty").LogTrace("chatty-trace");
        Logger(log, "Chatty.Trimmed").LogWarning("trimmed-warning");
        Logger(log, "Chatty.Trimmed").LogError("trimmed-error");

        var messages = log.Events.Select(e => e.GetProperty("@mt").GetString()).ToList();
        Assert.Equal(["quiet-warning", "chatty-debug", "trimmed-error"], messages.Where(m => m!.Contains('-', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Invalid_options_fail_at_startup_with_what_to_change()
    {
        var configuration = new Dictionary<string, string?> { ["ProductionReady:Logging:SlowRequestThreshold"] = "-00:00:01" };
        var failure = await Assert.ThrowsAsync<ProductionReadyConfigurationException>(() => CapturedLog.StartAsync(configuration: configuration));
        var problem = Assert.Single(failure.Problems);
        Assert.StartsWith("ProductionReady:Logging:SlowRequestThreshold", problem, StringComparison.Ordinal);
        Assert.Contains("must be positive", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_output_escapes_control_characters_so_a_request_cannot_forge_lines_or_terminal_escapes()
    {
        Action<ProductionReadyLoggingOptions> configure = o => o.Format = LogFormat.Text;
        await using var log = await CapturedLog.StartAsync(
            app => app.MapGet("/echo/{value}", (string value, ILoggerFactory loggers) =>
            {
                loggers.CreateLogger("Echo").LogWarning("Got {Value} and {@Values}", value, new[] { value });
                return "ok";
            }),
            configure: configure);

        var forged = "x\r\n[12:00:00 ERR] Admin: forged\u001b[31m\u0085\u2028";
        await log.Client.GetAsync(new Uri("/echo/" + Uri.EscapeDataString(forged), UriKind.Relative));

        var text = log.Text;
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0085', text);
        Assert.DoesNotContain('\u2028', text);
        Assert.DoesNotContain(text.Split('\n'), line => line.StartsWith("[12:00:00 ERR]", StringComparison.Ordinal));
        Assert.Contains("x\\r\\n[12:00:00 ERR] Admin: forged\\u001b[31m\\u0085\\u2028", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Content-Length")]
    [InlineData("host")]
    [InlineData("Transfer-Encoding")]
    [InlineData("Connection")]
    [InlineData("traceparent")]
    public async Task A_request_id_header_that_is_a_standard_http_header_is_refused_at_startup(string header)
    {
        var configuration = new Dictionary<string, string?> { ["ProductionReady:Logging:RequestIdHeader"] = header };
        var failure = await Assert.ThrowsAsync<ProductionReadyConfigurationException>(() => CapturedLog.StartAsync(configuration: configuration));
        var message = Assert.Single(failure.Problems);
        Assert.StartsWith("ProductionReady:Logging:RequestIdHeader", message, StringComparison.Ordinal);
        Assert.Contains("is \"" + header + "\", a standard HTTP header", message, StringComparison.Ordinal);
        Assert.Contains("X-Request-ID", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_twice_still_writes_each_event_once()
    {
        await using var log = await CapturedLog.StartAsync(services: s => { });
        var again = WebApplication.CreateBuilder();
        again.AddProductionReadyLogging();
        again.AddProductionReadyLogging(o => o.RenderMessage = true);
        Assert.Single(again.Services, d => d.ServiceType == typeof(LogPipeline));
        Assert.Single(again.Services, d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationFactory is not null);
    }

    /// <summary>
    /// 100,000 events from 8 threads through Microsoft.Extensions.Logging → Serilog → CLEF into a writer that
    /// stalls now and then for 2 ms (a slow stdout): every event arrives, whole, once; callers wait rather than drop.
    /// </summary>
    [Fact]
    public async Task A_burst_of_100000_events_from_several_threads_is_written_completely()
    {
        const int threads = 8;
        const int perThread = 12_500;
        var slow = new StallingWriter();
        await using var log = await CapturedLog.StartAsync(services: s => s.AddSingleton(LogDestination.To(slow)));
        var logger = Logger(log, "Burst");

        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                logger.LogInformation("Event {Thread} {Sequence} with \"quotes\" and\nnewline", t, i);
            }
        })));

        log.Flush();
        var seen = new HashSet<(int, int)>();
        var lines = slow.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines.Where(l => l.Contains("\"Burst\"", StringComparison.Ordinal)))
        {
            var e = JsonDocument.Parse(line).RootElement;
            Assert.True(seen.Add((e.GetProperty("Thread").GetInt32(), e.GetProperty("Sequence").GetInt32())), "an event was written twice");
        }

        Assert.Equal(threads * perThread, seen.Count);
        Assert.True(slow.Stalls > 0);
    }

    /// <summary>
    /// A reader slow because the machine is busy, not stalled: every write takes longer than the old 100 ms stall bound
    /// and the waits add up past the old 250 ms cap, yet stdout keeps taking writes. The buffer fills, callers wait for
    /// room, and nothing is dropped.
    /// </summary>
    [Fact]
    public void A_slow_reader_that_keeps_reading_slows_the_callers_and_loses_nothing()
    {
        var slow = new SlowReaderWriter(TimeSpan.FromMilliseconds(150));
        using var sink = new BatchingLogSink(
            new Serilog.Formatting.Compact.CompactJsonFormatter(), LogDestination.To(slow), new LogMetrics(null), [], capacity: 4096);
        var logger = new Serilog.LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        const int events = 200;
        for (var i = 0; i < events; i++)
        {
            logger.Information("Event {Sequence} of a slow but living reader", i);
        }

        Assert.True(sink.Flush(TimeSpan.FromMinutes(2)), "the writer did not drain");
        Assert.Equal(0, sink.DroppedTotal);
        Assert.Equal(events, slow.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.True(slow.Writes > 2, "the buffer never filled: the test did not make callers wait");
    }

    [Fact]
    public async Task Unicode_line_breaks_are_written_as_escapes_so_no_reader_splits_the_event()
    {
        await using var log = await CapturedLog.StartAsync();
        var value = "one\u2028two\u2029three\u0085four";
        Logger(log, "Breaks").LogInformation("Value {Value}", value);

        var line = Assert.Single(log.Lines, l => l.Contains("\"Breaks\"", StringComparison.Ordinal));
        Assert.DoesNotContain('\u2028', line);
        Assert.DoesNotContain('\u2029', line);
        Assert.DoesNotContain('\u0085', line);
        Assert.Contains("one\\u2028two\\u2029three\\u0085four", line, StringComparison.Ordinal);
        Assert.Equal(value, JsonDocument.Parse(line).RootElement.GetProperty("Value").GetString());
    }

    private sealed class SlowReaderWriter(TimeSpan perWrite) : StringWriter
    {
        public int Writes { get; private set; }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            // Stands in for a pipe whose reader gets little CPU: each write completes, late.
            Thread.Sleep(perWrite);
            lock (this)
            {
                base.Write(buffer);
                Writes++;
            }
        }

        public override string ToString()
        {
            lock (this)
            {
                return base.ToString();
            }
        }
    }

    private sealed class StallingWriter : StringWriter
    {
        private int _writes;

        public int Stalls { get; private set; }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            base.Write(buffer);
            if (++_writes % 50 == 0)
            {
                Stalls++;
                Thread.Sleep(2);
            }
        }
    }
}
