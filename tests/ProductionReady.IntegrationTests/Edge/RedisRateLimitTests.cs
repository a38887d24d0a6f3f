using System.Net;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Edge;

/// <summary>
/// ProductionReady.Redis with a real Redis and two real instances of the sample: one budget for the whole
/// service, and an outage that neither fails requests nor lets them through unlimited.
/// </summary>
public sealed class RedisRateLimitTests
{
    [Fact]
    public async Task A_burst_split_across_two_instances_is_limited_to_one_budget()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var first = StartSample(redis, readinessDependency: false);
        await using var second = StartSample(redis, readinessDependency: false);
        await Task.WhenAll(first.WaitUntilListeningAsync(), second.WaitUntilListeningAsync());
        using var toFirst = LoopbackClient.From("127.0.0.5", first.BaseAddress);
        using var toSecond = LoopbackClient.From("127.0.0.5", second.BaseAddress);

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
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
            Assert.Single(sample.StdoutLines, l => l.Contains("Redis is unreachable", StringComparison.Ordinal));
        }

        // Readiness reflects Redis only where the app made it a dependency.
        await WaitForStatusAsync(toDependent, "/health/ready", HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, (await toIndependent.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await toDependent.GetAsync("/health/live")).StatusCode);
    }

    private static SampleProcess StartSample(RedisServer redis, bool readinessDependency) => SampleProcess.Start(new Dictionary<string, string?>
    {
        ["ConnectionStrings__Redis"] = redis.ConnectionString + ",connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000",
        ["Sample__RedisIsReadinessDependency"] = readinessDependency ? "true" : "false",
        ["ProductionReady__Health__CacheDuration"] = "00:00:00",
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
