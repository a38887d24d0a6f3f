using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace ProductionReady.IntegrationTests.Logging;

/// <summary>
/// The sample in Production with stdout going into a real pipe read by a real process: logging never stalls
/// the service when that reader stalls, drops are reported, and nothing is lost under a normal reader.
/// </summary>
public sealed class StalledLogReaderTests
{
    private static readonly TimeSpan DrainDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(8);

    private static Dictionary<string, string?> Settings() => new()
    {
        ["ProductionReady__Health__DrainDelay"] = DrainDelay.ToString("c"),
        ["shutdownTimeoutSeconds"] = ShutdownTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task With_the_reader_stopped_liveness_answers_at_once_and_sigterm_ends_the_process_in_time()
    {
        await using var sample = PipedSample.Start(Settings());
        await sample.WaitUntilListeningAsync();
        sample.FreezeReader(true);

        using var load = new Load(sample.BaseAddress);
        await load.RunUntilAsync(responses: 6_000, TimeSpan.FromSeconds(30));

        // Every probe answers, each well under a second, while requests keep logging into a full pipe.
        using var probe = new HttpClient { BaseAddress = sample.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < 50; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var response = await probe.GetAsync(new Uri("/health/live", UriKind.Relative));
            var elapsed = Stopwatch.GetElapsedTime(started);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            slowest = elapsed > slowest ? elapsed : slowest;
        }

        Assert.True(slowest < TimeSpan.FromMilliseconds(500), $"the slowest liveness probe took {slowest.TotalMilliseconds:0} ms");

        // SIGTERM while stdout is still stalled: the process ends within DrainDelay + ShutdownTimeout.
        var stopping = Stopwatch.GetTimestamp();
        sample.SendSigterm();
        await sample.WaitForExitAsync(DrainDelay + ShutdownTimeout + TimeSpan.FromSeconds(10));
        var stopped = Stopwatch.GetElapsedTime(stopping);
        await load.StopAsync();
        Assert.True(stopped <= DrainDelay + ShutdownTimeout, $"the process took {stopped.TotalSeconds:0.0} s to end after SIGTERM");

        // What did reach the pipe is whole: every line is valid CLEF, none cut in half by the exit.
        sample.FreezeReader(false);
        await sample.WaitForReaderToFinishAsync(TimeSpan.FromSeconds(30));
        ClefLines.ParseEvery(sample.Lines);
    }

    [Fact]
    public async Task When_the_reader_resumes_the_dropped_events_are_reported_and_every_line_is_valid_clef()
    {
        await using var sample = PipedSample.Start(Settings());
        await sample.WaitUntilListeningAsync();
        sample.FreezeReader(true);

        using var load = new Load(sample.BaseAddress);
        await load.RunUntilAsync(responses: 8_000, TimeSpan.FromSeconds(30));
        var stalledAt = DateTimeOffset.UtcNow;
        sample.FreezeReader(false);

        var report = await sample.WaitForLineAsync(l => l.Contains("log events were dropped since", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        await load.StopAsync();
        sample.SendSigterm();
        Assert.Equal(0, await sample.WaitForExitAsync(DrainDelay + ShutdownTimeout + TimeSpan.FromSeconds(10)));
        await sample.WaitForReaderToFinishAsync(TimeSpan.FromSeconds(30));

        var events = ClefLines.ParseEvery(sample.Lines);
        var reported = JsonDocument.Parse(report).RootElement;
        Assert.Equal("Warning", reported.GetProperty("@l").GetString());
        var dropped = reported.GetProperty("DroppedEvents").GetInt64();
        Assert.InRange(dropped, 1, load.Responses);
        Assert.True(reported.GetProperty("DroppedSince").GetDateTimeOffset() < stalledAt);
        Assert.Equal("ProductionReady.Sample", reported.GetProperty("ServiceName").GetString());

        // What was not dropped was written once: each request id at most once, and the counts add up.
        var completions = events.Where(e => e.TryGetProperty("StatusCode", out _)).Select(e => e.GetProperty("RequestId").GetString()).ToList();
        Assert.Equal(completions.Count, completions.Distinct(StringComparer.Ordinal).Count());
        Assert.True(completions.Count + dropped >= load.Responses, $"{completions.Count} written + {dropped} dropped < {load.Responses} requests");
    }

    [Fact]
    public async Task Under_load_with_sigterm_in_the_middle_every_request_event_is_present_once_as_valid_json()
    {
        await using var sample = PipedSample.Start(Settings());
        await sample.WaitUntilListeningAsync();

        using var load = new Load(sample.BaseAddress);
        await load.RunUntilAsync(responses: 2_000, TimeSpan.FromSeconds(30));
        sample.SendSigterm();

        // The load goes on through the drain until the server stops answering.
        Assert.Equal(0, await sample.WaitForExitAsync(DrainDelay + ShutdownTimeout + TimeSpan.FromSeconds(10)));
        await load.StopAsync();
        await sample.WaitForReaderToFinishAsync(TimeSpan.FromSeconds(30));

        var events = ClefLines.ParseEvery(sample.Lines);
        var logged = events.Where(e => e.TryGetProperty("StatusCode", out _))
            .GroupBy(e => e.GetProperty("RequestId").GetString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.True(load.Responses > 2_000);
        Assert.All(load.AnsweredIds, id => Assert.True(logged.TryGetValue(id, out var count) && count == 1, $"request {id}: {(logged.TryGetValue(id, out var c) ? c : 0)} events"));
        Assert.DoesNotContain(events, e => e.TryGetProperty("DroppedEvents", out _));
    }

    /// <summary>16 clients sending <c>GET /</c> with a unique request id each, as fast as answers come.</summary>
    private sealed class Load : IDisposable
    {
        private readonly HttpClient _client;
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentQueue<string> _answered = new();
        private readonly List<Task> _clients = [];
        private int _responses;
        private int _next;

        public Load(Uri baseAddress)
        {
            _client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            for (var i = 0; i < 16; i++)
            {
                _clients.Add(Task.Run(RunAsync));
            }
        }

        public int Responses => Volatile.Read(ref _responses);

        public IReadOnlyCollection<string> AnsweredIds => _answered;

        public async Task RunUntilAsync(int responses, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (Responses < responses)
            {
                Assert.True(DateTime.UtcNow < deadline, $"only {Responses} of {responses} requests answered in {timeout}");
                Assert.DoesNotContain(_clients, c => c.IsFaulted);
                await Task.Delay(20);
            }
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_clients);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _client.Dispose();
            _stop.Dispose();
        }

        private async Task RunAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var id = $"load-{Interlocked.Increment(ref _next)}";
                using var request = new HttpRequestMessage(HttpMethod.Get, "/");
                request.Headers.Add("X-Request-ID", id);
                try
                {
                    using var response = await _client.SendAsync(request, _stop.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        _answered.Enqueue(id);
                        Interlocked.Increment(ref _responses);
                    }
                }
                catch (HttpRequestException)
                {
                    // The server has stopped (after SIGTERM): no answer, so no event is owed.
                    await Task.Delay(10);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
