using System.Net;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.RateLimits;

/// <summary>
/// Rate limits and trusted proxies together, in the real sample on Kestrel: behind a trusted proxy each
/// forwarded client has a budget of its own; from an untrusted peer a forged X-Forwarded-For picks no bucket.
/// (The forwarded addresses are documentation addresses that only ever appear inside a header.)
/// </summary>
public sealed class RateLimitBehindProxyTests
{
    private const string Proxy = "127.0.0.9";

    [Fact]
    public async Task Behind_a_trusted_proxy_two_forwarded_clients_get_separate_buckets()
    {
        await using var sample = SampleProcess.Start(new Dictionary<string, string?>
        {
            ["ProductionReady__ForwardedHeaders__TrustedProxies__0"] = Proxy,
        });
        await sample.WaitUntilListeningAsync();
        using var proxy = LoopbackClient.From(Proxy, sample.BaseAddress);

        // auth: 5/s with a burst of 5, so a fresh client has 10 at once; 30 from one forwarded client runs it dry.
        var first = await BurstAsync(proxy, 30, _ => "203.0.113.10");
        Assert.True(first.Count(s => s == HttpStatusCode.TooManyRequests) >= 10, string.Join(",", first.Select(s => (int)s)));

        // Another client behind the same proxy: its own budget, not the proxy's address's.
        var second = await BurstAsync(proxy, 5, _ => "203.0.113.20");
        Assert.All(second, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
    }

    [Fact]
    public async Task From_an_untrusted_peer_a_forged_X_Forwarded_For_does_not_pick_the_bucket()
    {
        await using var sample = SampleProcess.Start(new Dictionary<string, string?>
        {
            ["ProductionReady__ForwardedHeaders__TrustedProxies__0"] = Proxy,
        });
        await sample.WaitUntilListeningAsync();
        using var untrusted = LoopbackClient.From("127.0.0.5", sample.BaseAddress);

        // A new forged client address on every request: were it believed, every request would have a fresh budget.
        var statuses = await BurstAsync(untrusted, 30, i => $"198.51.100.{i + 1}");

        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 10, string.Join(",", statuses.Select(s => (int)s)));
    }

    private static async Task<List<HttpStatusCode>> BurstAsync(HttpClient client, int count, Func<int, string> forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/login");
            request.Headers.Add("X-Forwarded-For", forwardedFor(i));
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
