using System.IO.Pipes;
using System.Text;
using System.Text.Json;
using ProductionReady.Logging;

namespace ProductionReady.IntegrationTests.Logging;

/// <summary>ProductionReady logging writing into a real OS pipe that a normal reader drains.</summary>
public sealed class RealPipeBurstTests
{
    private static readonly Action<ILogger, int, int, Exception?> LogBurstEvent =
        LoggerMessage.Define<int, int>(LogLevel.Information, new EventId(1, "Burst"), "Event {Thread} {Sequence} with \"quotes\" and\nnewline");

    /// <summary>
    /// 100,000 events from 8 threads through Microsoft.Extensions.Logging → Serilog → CLEF into a pipe: every
    /// event arrives, whole, once, nothing is reported dropped, and the writer batches (many events per write).
    /// </summary>
    [Fact]
    public async Task A_burst_of_100000_events_from_8_threads_arrives_completely_in_batches()
    {
        const int threads = 8;
        const int perThread = 12_500;
        using var server = new AnonymousPipeServerStream(PipeDirection.In);
        var client = new AnonymousPipeClientStream(PipeDirection.Out, server.ClientSafePipeHandle);
        var output = new CountingWriter(client);

        var lines = new List<string>();
        var reader = Task.Factory.StartNew(
            () =>
            {
                using var text = new StreamReader(server, Encoding.UTF8);
                while (text.ReadLine() is { } line)
                {
                    lines.Add(line);
                }
            },
            TaskCreationOptions.LongRunning);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Services.AddSingleton(LogDestination.To(output));
        builder.AddProductionReadyLogging();
        await using (var app = builder.Build())
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Burst");
            await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(
                () =>
                {
                    for (var i = 0; i < perThread; i++)
                    {
                        LogBurstEvent(logger, t, i, null);
                    }
                },
                TaskCreationOptions.LongRunning)));
        }

        // Disposing the host flushed the log; closing the write end ends the reader.
        await output.DisposeAsync();
        await reader.WaitAsync(TimeSpan.FromSeconds(60));

        var seen = new HashSet<(int, int)>();
        foreach (var line in lines)
        {
            var e = JsonDocument.Parse(line).RootElement;
            Assert.False(e.TryGetProperty("DroppedEvents", out _), $"events were dropped: {line}");
            if (e.TryGetProperty("SourceContext", out var source) && source.GetString() == "Burst")
            {
                Assert.True(seen.Add((e.GetProperty("Thread").GetInt32(), e.GetProperty("Sequence").GetInt32())), "an event was written twice");
            }
        }

        Assert.Equal(threads * perThread, seen.Count);
        Assert.True(output.Writes < threads * perThread / 10, $"{output.Writes} writes for {threads * perThread} events: not batched");
    }

    /// <summary>A UTF-8 writer over the pipe that counts the writes it is handed.</summary>
    private sealed class CountingWriter(Stream stream) : StreamWriter(stream, new UTF8Encoding(false))
    {
        public int Writes { get; private set; }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Writes++;
            base.Write(buffer);
        }

        public override void Write(string? value)
        {
            Writes++;
            base.Write(value);
        }
    }
}
