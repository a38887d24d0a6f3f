using System.Net;
using System.Text.Json;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.RateLimits;

/// <summary>The rate-limit presets in the real sample, on Kestrel, called from several real client addresses.</summary>
public sealed class RateLimitTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_burst_from_one_client_gets_429_with_Retry_After_while_another_client_is_unaffected_and_the_rejections_are_logged_once()
    {
        await using var sample = SampleProcess.Start(new Dictionary<string, string?>
        {
            ["ProductionReady__RateLimits__RejectionLogWindow"] = "00:00:01",
            ["ProductionReady__Logging__Format"] = "Json",
        });
        await sample.WaitUntilListeningAsync();
        using var noisy = LoopbackClient.From("127.0.0.2", sample.BaseAddress);
        using var quiet = LoopbackClient.From("127.0.0.3", sample.BaseAddress);

        // auth: 5/s with a burst of 5, so a fresh client has 10 at once.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? firstRejection = null;
        for (var i = 0; i < 30; i++)
        {
            var response = await noisy.PostAsync("/auth/login", content: null);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                firstRejection ??= response;
            }
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        var rejected = statuses.Count(s => s == HttpStatusCode.TooManyRequests);
        Assert.True(rejected >= 10, $"expected most of the burst past 10 to be rejected, got {string.Join(",", statuses.Select(s => (int)s))}");
        Assert.NotNull(firstRejection);
        Assert.True(firstRejection.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After: {firstRejection.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", firstRejection.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await firstRejection.Content.ReadAsStringAsync()))
        {
            Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        }

        // Another client address has a budget of its own.
        var other = await quiet.PostAsync("/auth/login", content: null);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);

        // One summary event for that client and window, with the count; none for the quiet client.
        var line = await sample.WaitForLineAsync(l => l.Contains("ip:127.0.0.2", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        // Proof by a later event, not a pause: a marker client's second window opens after its first summary was
        // written, so every window open before (the noisy client's, any the quiet client had) was written before
        // the marker's second summary.
        using var marker = LoopbackClient.From("127.0.0.4", sample.BaseAddress);
        await ExhaustAsync(marker);
        await sample.WaitForLineAsync(l => l.Contains("ip:127.0.0.4", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        await ExhaustAsync(marker);
        var lines = sample.StdoutLines;
        await sample.WaitForLineAsync(l => l.Contains("ip:127.0.0.4", StringComparison.Ordinal) && !lines.Contains(l), TimeSpan.FromSeconds(15));
        var beforeMarker = sample.StdoutLines.TakeWhile(l => !l.Contains("ip:127.0.0.4", StringComparison.Ordinal) || lines.Contains(l)).ToList();
        var summaries = beforeMarker.Where(l => l.Contains("ip:127.0.0.2", StringComparison.Ordinal)).ToList();
        var reported = summaries.Sum(l => JsonDocument.Parse(l).RootElement.GetProperty("Rejected").GetInt64());
        Assert.True(summaries.Count <= 2, $"one event per window expected, got {summaries.Count}:\n{string.Join('\n', summaries)}");
        Assert.Equal(rejected, reported);
        Assert.DoesNotContain(beforeMarker, l => l.Contains("ip:127.0.0.3", StringComparison.Ordinal));
        Assert.Contains("\"Policy\":\"auth\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_global_limit_ordinary_requests_are_limited_but_probes_and_the_csp_report_endpoint_never_are()
    {
        await using var sample = SampleProcess.Start(new Dictionary<string, string?>
        {
            ["ProductionReady__RateLimits__Global__PermitsPerSecond"] = "1",
            ["ProductionReady__RateLimits__Global__Burst"] = "0",
        });
        await sample.WaitUntilListeningAsync();
        using var client = LoopbackClient.From("127.0.0.4", sample.BaseAddress);

        await GlobalLimitExemptions.AssertOnlyOrdinaryRequestsAreLimitedAsync(client, ordinary: 10, rounds: 20, "/health/live", "/health/ready");
    }

    [Fact]
    public async Task A_bad_limit_is_refused_at_startup_with_the_full_key()
    {
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?>
            {
                ["ProductionReady__RateLimits__Auth__PermitsPerSecond"] = "0",
                ["ProductionReady__RateLimits__Api__Burst"] = "-1",
            },
            ExitTimeout);

        StartupRefusal.AssertRefused(
            exitCode,
            stdout,
            stderr,
            "ProductionReady:RateLimits:Auth:PermitsPerSecond\n     must be between 1 and 1000000 (got 0)",
            "ProductionReady:RateLimits:Api:Burst\n     must be between 0 and 1000000 (got -1)");
    }

    /// <summary>Sends the auth preset more requests than a fresh client's budget of 10, so some are rejected.</summary>
    private static async Task ExhaustAsync(HttpClient client)
    {
        for (var i = 0; i < 15; i++)
        {
            using var response = await client.PostAsync("/auth/login", content: null);
        }
    }
}
