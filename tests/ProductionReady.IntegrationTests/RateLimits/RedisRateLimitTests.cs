using System.Net;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.RateLimits;

/// <summary>
/// ProductionReady.Redis with a real Redis and two real instances of the sample: one budget for the whole
/// service, and an outage that neither fails requests nor lets them through unlimited.
/// </summary>
public sealed class RedisRateLimitTests
{
    // The pace of the requests that wait for the background PING to close the circuit, not a proof of anything: what
    // each request did is read once its completion event is on stdout.
    private static readonly TimeSpan RetryPace = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task A_burst_split_across_two_instances_is_limited_to_one_budget()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var first = StartSample(redis, readinessDependency: false);
        await using var second = StartSample(redis, readinessDependency: false);
        await Task.WhenAll(first.WaitUntilListeningAsync(), second.WaitUntilListeningAsync());
        using var toFirst = LoopbackClient.From("127.0.0.5", first.BaseAddress);
        using var toSecond = LoopbackClient.From("127.0.0.5", second.BaseAddress);
        await WarmUpAsync(first);
        await WarmUpAsync(second);

        // auth: 5/s, burst 5: one budget of 10 at once. Two per-instance budgets would grant 20.
        var started = DateTimeOffset.UtcNow;
        var burst = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? toFirst : toSecond).PostAsync("/auth/login", content: null)));
        var seconds = (int)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - started.ToUnixTimeSeconds());

        var granted = burst.Count(r => r.StatusCode == HttpStatusCode.Unauthorized);
        var rejected = burst.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal(40, granted + rejected);

        // The shared bucket refills 5 per whole second the burst spans.
        Assert.True(granted <= 10 + (5 * seconds), $"{granted} granted in a burst spanning {seconds} second boundary(ies): the instances did not share one budget");
        Assert.True(granted >= 10, $"only {granted} granted");
        Assert.Contains(burst, r => r.StatusCode == HttpStatusCode.TooManyRequests && r.RequestMessage!.RequestUri!.Port == first.Port);
        Assert.Contains(burst, r => r.StatusCode == HttpStatusCode.TooManyRequests && r.RequestMessage!.RequestUri!.Port == second.Port);
    }

    [Fact]
    public async Task With_Redis_stopped_requests_keep_being_served_the_fallback_is_logged_once_and_readiness_follows_Redis_only_where_it_is_a_dependency()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var dependent = StartSample(redis, readinessDependency: true);
        await using var independent = StartSample(redis, readinessDependency: false);
        await Task.WhenAll(dependent.WaitUntilListeningAsync(), independent.WaitUntilListeningAsync());
        using var toDependent = LoopbackClient.From("127.0.0.6", dependent.BaseAddress);
        using var toIndependent = LoopbackClient.From("127.0.0.7", independent.BaseAddress);
        await WarmUpAsync(dependent);
        await WarmUpAsync(independent);
        var fallbacksBefore = new[] { dependent, independent }.ToDictionary(x => x, Fallbacks);

        Assert.Equal(HttpStatusCode.OK, (await toDependent.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await toDependent.PostAsync("/auth/login", content: null)).StatusCode);

        await redis.StopAsync();

        // Every request is answered (401 within the budget, 429 past it), never failed, never unlimited.
        foreach (var (sample, client) in new[] { (dependent, toDependent), (independent, toIndependent) })
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 30; i++)
            {
                statuses.Add((await client.PostAsync("/auth/login", content: null)).StatusCode);
            }

            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"status {(int)s}: {string.Join(",", statuses.Select(x => (int)x))}"));
            Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
            Assert.Equal(HttpStatusCode.OK, await sample.SendAndWaitForItsCompletionAsync(client, HttpMethod.Get, "/"));
            Assert.Equal(fallbacksBefore[sample] + 1, Fallbacks(sample));
        }

        // Readiness reflects Redis only where the app made it a dependency.
        await WaitForStatusAsync(toDependent, "/health/ready", HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, (await toIndependent.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await toDependent.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task A_frozen_Redis_holds_no_request_nor_the_shutdown_and_is_used_again_once_it_resumes()
    {
        await using var redis = await RedisServer.StartAsync();

        // The client's own timeouts left at their defaults (5 s): our bound must hold whatever they say.
        await using var sample = SampleProcess.Start(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["ProductionReady__Health__DrainDelay"] = "00:00:00",
            ["ProductionReady__Logging__Format"] = "Json", // each request's completion event carries its request id
        });
        await sample.WaitUntilListeningAsync();
        using var client = LoopbackClient.From("127.0.0.14", sample.BaseAddress);
        await WarmUpAsync(sample);
        var fallbacksBefore = Fallbacks(sample);

        redis.Freeze(true);
        try
        {
            // A burst while Redis is frozen: every request answered from the local budget, none waiting out
            // the client's 5 s timeout (the bound is 250 ms; the slack is for a busy machine).
            var timings = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                using var response = await client.PostAsync("/auth/login", content: null);
                return (response.StatusCode, watch.Elapsed);
            }));
            Assert.All(timings, t => Assert.True(t.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"status {(int)t.StatusCode}"));
            Assert.All(timings, t => Assert.True(t.Elapsed < TimeSpan.FromSeconds(4), $"a request waited {t.Elapsed} on a frozen Redis"));
            Assert.Contains(timings, t => t.StatusCode == HttpStatusCode.TooManyRequests);
            await sample.SendAndWaitForItsCompletionAsync(client, HttpMethod.Get, "/");
            Assert.Equal(fallbacksBefore + 1, Fallbacks(sample));
        }
        finally
        {
            redis.Freeze(false);
        }

        // Resumed: the background retry closes the circuit and a request's budget comes from Redis again.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Recoveries(sample) < Fallbacks(sample) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(RetryPace);
            await sample.SendAndWaitForItsCompletionAsync(client, HttpMethod.Post, "/auth/login");
        }

        Assert.Equal(Fallbacks(sample), Recoveries(sample));
        Assert.Equal(fallbacksBefore + 1, Fallbacks(sample));

        // Frozen again at shutdown: SIGTERM is not held by it (closing a connection to a frozen Redis waits
        // out the client's 5 s timeout unless it is abandoned).
        redis.Freeze(true);
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        sample.SendSigterm();
        Assert.Equal(0, await sample.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(4), $"SIGTERM took {stopping.Elapsed} with Redis frozen");
    }

    /// <summary>
    /// Sends requests from another client until the instance's budgets come from Redis: on a cold, busy
    /// process the first calls (JIT, the script loaded into Redis) may outlast the 250 ms bound, and the
    /// instance then uses its own budget until the background PING closes the circuit again.
    /// </summary>
    private static async Task WarmUpAsync(SampleProcess sample)
    {
        using var client = LoopbackClient.From("127.0.0.15", sample.BaseAddress);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        do
        {
            await sample.SendAndWaitForItsCompletionAsync(client, HttpMethod.Post, "/auth/login");

            // The request's completion event is on stdout, so is the fallback warning (or the recovery) it tripped:
            // both are logged in the request, before it completes, through the same ordered writer.
            if (Fallbacks(sample) == Recoveries(sample))
            {
                return;
            }

            // The circuit is open: the background PING closes it within a second; ask again then.
            await Task.Delay(RetryPace);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail("The instance's rate limits did not come from Redis within 30 s.\n" + sample.Stdout);
    }

    private static int Fallbacks(SampleProcess sample) => sample.StdoutLines.Count(l => l.Contains("Redis is unreachable", StringComparison.Ordinal));

    private static int Recoveries(SampleProcess sample) => sample.StdoutLines.Count(l => l.Contains("Redis is reachable again", StringComparison.Ordinal));

    private static SampleProcess StartSample(RedisServer redis, bool readinessDependency) => SampleProcess.Start(new Dictionary<string, string?>
    {
        ["ConnectionStrings__Redis"] = redis.ConnectionString + ",connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000",
        ["Sample__RedisIsReadinessDependency"] = readinessDependency ? "true" : "false",
        ["ProductionReady__Health__CacheDuration"] = "00:00:00",
        ["ProductionReady__Logging__Format"] = "Json", // each request's completion event carries its request id
    });

    private static async Task WaitForStatusAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        HttpStatusCode last;
        do
        {
            last = (await client.GetAsync(path)).StatusCode;
            if (last == expected)
            {
                return;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"{path} stayed {(int)last}, expected {(int)expected}");
    }
}
