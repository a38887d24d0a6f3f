using System.Diagnostics.Metrics;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ProductionReady.RateLimits;
using Xunit.Abstractions;

namespace ProductionReady.Tests.RateLimits;

/// <summary>
/// What the per-client partitions retain in managed memory, through the framework's partitioned limiter as
/// the middleware drives it: at most <see cref="RateLimitPartitionBudget.BytesPerPartition"/> each, and given
/// back once the clients go. Alone, so no other test's allocations move the heap being measured.
/// </summary>
[Collection(RateLimitPartitionMemoryRunAlone.Name)]
public sealed class RateLimitPartitionMemoryTests(ITestOutputHelper output)
{
    private const int Clients = 20_000;
    private static readonly ProductionReadyRateLimitPolicyOptions Auth = new() { PermitsPerSecond = 5, Burst = 5 };

    [Fact]
    public void A_partition_retains_at_most_the_documented_bytes()
    {
        var store = new LocalRateLimiterStore(new RateLimitPartitionBudget());
        using var meters = new TestMeterFactory();
        using var limiter = Partitioned(store, meters);
        Acquire(limiter, IPAddress.Parse("192.0.2.1"));

        var before = Heap();
        SendDistinctClients(limiter);
        var retained = Heap() - before;
        GC.KeepAlive(limiter);

        Assert.Equal(Clients + 1, store.Partitions.Count);
        var perPartition = retained / Clients;
        output.WriteLine($"{Clients:N0} partitions retained {retained:N0} bytes, {perPartition} per partition");
        Assert.True(perPartition <= RateLimitPartitionBudget.BytesPerPartition, $"A partition retained {perPartition} bytes ({retained:N0} for {Clients:N0}); the documented bound is {RateLimitPartitionBudget.BytesPerPartition}.");
    }

    [Fact]
    public async Task Once_the_clients_go_their_partitions_are_dropped_and_the_memory_comes_back()
    {
        var time = new FakeTimeProvider();
        var store = new LocalRateLimiterStore(new RateLimitPartitionBudget(time: time));
        using var meters = new TestMeterFactory();
        using var limiter = Partitioned(store, meters);
        Acquire(limiter, IPAddress.Parse("192.0.2.1"));

        var before = Heap();
        SendDistinctClients(limiter);
        var loaded = Heap() - before;
        Assert.Equal(Clients + 1, store.Partitions.Count);

        // The framework refills each bucket from its timer and drops it 10 s after it is full again. Its timer
        // runs on real time, ours on the fake clock: move the clock a second at a time until every partition is gone.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (store.Partitions.Count > 0 && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(150);
        }

        Assert.Equal(0, store.Partitions.Count);

        // The framework's timer still holds the dropped partitions in its copy of the table until its next tick.
        var idle = Heap() - before;
        deadline = DateTime.UtcNow.AddSeconds(30);
        while (idle >= loaded / 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(150);
            idle = Heap() - before;
        }

        GC.KeepAlive(limiter);
        output.WriteLine($"{Clients:N0} partitions held {loaded:N0} bytes; once dropped, {idle:N0}");

        // What stays is the capacity of the framework's partition table, which never shrinks: a fraction of what the partitions held.
        Assert.True(idle < loaded / 2, $"After the clients went, {idle:N0} bytes were still held of {loaded:N0} while they were there.");
    }

    [Fact]
    public void A_clients_bucket_holds_the_burst_refills_each_second_and_says_when_to_retry()
    {
        var time = new FakeTimeProvider();
        var store = new LocalRateLimiterStore(new RateLimitPartitionBudget(time: time));
        using var bucket = (ReplenishingRateLimiter)store.Create("auth", IPAddress.Parse("203.0.113.5"), Auth);
        Assert.Equal(TimeSpan.Zero, bucket.IdleDuration);

        for (var i = 0; i < 10; i++)
        {
            using var granted = bucket.AttemptAcquire();
            Assert.True(granted.IsAcquired);
        }

        Assert.Null(bucket.IdleDuration);
        using (var refused = bucket.AttemptAcquire())
        {
            Assert.False(refused.IsAcquired);
            Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
            Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
        }

        // Under a second: nothing back. One second: PermitsPerSecond back, and no more.
        time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(bucket.TryReplenish());
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(bucket.TryReplenish());
        Assert.Equal(5, bucket.GetStatistics()!.CurrentAvailablePermits);

        // Two more seconds fill it (capped at PermitsPerSecond + Burst), and from then on it is idle.
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(bucket.TryReplenish());
        Assert.Equal(10, bucket.GetStatistics()!.CurrentAvailablePermits);
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(3), bucket.IdleDuration);
        Assert.Throws<ArgumentOutOfRangeException>(() => bucket.AttemptAcquire(11));

        Assert.Equal(1, store.Partitions.Count);
        bucket.Dispose();
        Assert.Equal(0, store.Partitions.Count);
    }

    private static PartitionedRateLimiter<HttpContext> Partitioned(LocalRateLimiterStore store, IMeterFactory meters)
    {
        var rejections = new RateLimitRejections(meters, new RateLimitRejectionLog(Options.Create(new ProductionReadyRateLimitsOptions()), NullLoggerFactory.Instance, TimeProvider.System));
        var policy = new RateLimitPresetPolicy("auth", Auth, enabled: true, store, new RateLimitExemptions([]), rejections);
        return PartitionedRateLimiter.Create<HttpContext, object>(policy.GetPartition);
    }

    private static void SendDistinctClients(PartitionedRateLimiter<HttpContext> limiter)
    {
        for (var i = 0; i < Clients; i++)
        {
            // A new address object per request, as the forwarded-headers middleware parses one per request.
            Acquire(limiter, new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]));
        }
    }

    private static void Acquire(PartitionedRateLimiter<HttpContext> limiter, IPAddress client)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = client;
        using var lease = limiter.AttemptAcquire(context);
        Assert.True(lease.IsAcquired);
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>The partition memory tests run alone: they measure the managed heap, which other tests running at the same time would move.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RateLimitPartitionMemoryRunAlone
{
    public const string Name = "Rate-limit partition memory (not in parallel)";
}
