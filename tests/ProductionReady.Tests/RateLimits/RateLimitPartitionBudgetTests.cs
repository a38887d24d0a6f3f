using System.Diagnostics.Metrics;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProductionReady.RateLimits;

namespace ProductionReady.Tests.RateLimits;

/// <summary>The bound on the per-client partitions: counted, capped, released when the framework drops them.</summary>
public sealed class RateLimitPartitionBudgetTests
{
    private static readonly ProductionReadyRateLimitPolicyOptions OnePerSecond = new() { PermitsPerSecond = 1, Burst = 0 };

    [Fact]
    public void Past_the_bound_newcomers_get_the_overflow_key_while_known_clients_keep_their_own()
    {
        var store = new LocalRateLimiterStore(new RateLimitPartitionBudget(maxPartitions: 3));
        var clients = Enumerable.Range(1, 3).Select(i => (object)IPAddress.Parse($"203.0.113.{i}")).ToArray();
        var limiters = clients.Select(c => store.Create("auth", store.PartitionKey("auth", c), OnePerSecond)).ToArray();
        Assert.Equal(3, store.Partitions.Count);

        var newcomer = IPAddress.Parse("198.51.100.9");
        Assert.Same(RateLimitClient.Overflow, store.PartitionKey("auth", newcomer));
        Assert.Same(clients[0], store.PartitionKey("auth", clients[0]));

        // The overflow bucket is not counted: however many newcomers, the bound holds.
        using var overflow = store.Create("auth", RateLimitClient.Overflow, OnePerSecond);
        Assert.Equal(3, store.Partitions.Count);

        // A partition dropped (the framework disposes it when idle) makes room again.
        limiters[1].Dispose();
        Assert.Equal(2, store.Partitions.Count);
        Assert.Same(newcomer, store.PartitionKey("auth", newcomer));
        Assert.Equal("overflow", RateLimitClient.Describe(RateLimitClient.Overflow));
    }

    [Fact]
    public async Task Through_the_frameworks_partitioned_limiter_the_bound_holds_limits_still_hold_and_disposal_releases_every_place()
    {
        var store = new LocalRateLimiterStore(new RateLimitPartitionBudget(maxPartitions: 10));
        using var meters = new TestMeterFactory();
        var rejections = new RateLimitRejections(meters, new RateLimitRejectionLog(Options.Create(new ProductionReadyRateLimitsOptions()), NullLoggerFactory.Instance, TimeProvider.System));
        var policy = new RateLimitPresetPolicy("auth", OnePerSecond, enabled: true, store, new RateLimitExemptions([]), rejections);
        var limiter = PartitionedRateLimiter.Create<HttpContext, object>(policy.GetPartition);

        // 100 distinct clients, one request each: 10 get a partition of their own, 90 share the overflow budget.
        var granted = 0;
        for (var i = 0; i < 100; i++)
        {
            var context = new DefaultHttpContext();
            context.Connection.RemoteIpAddress = IPAddress.Parse($"10.0.{i / 250}.{i % 250}");
            using var lease = limiter.AttemptAcquire(context);
            granted += lease.IsAcquired ? 1 : 0;
        }

        Assert.Equal(10, store.Partitions.Count);

        // Each known client got its one permit; the 90 newcomers together got one client's budget.
        Assert.Equal(10 + 1, granted);

        await limiter.DisposeAsync();
        Assert.Equal(0, store.Partitions.Count);
    }
}
