using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace ProductionReady.RateLimits;

/// <summary>
/// Bounds the memory the per-client budgets take, whatever the number of distinct clients. The framework
/// keeps one partition (a token bucket) per policy and client, and drops it 10 s after its bucket is full
/// again, so memory comes back when clients go; what it does not bound is how many partitions live at
/// once: a flood of distinct addresses (580,000 in a minute through a trusted proxy) grew the process by
/// 140 MB. At most <see cref="DefaultMaxPartitions"/> partitions live, every preset together. Beyond that, a
/// client that has no partition yet is counted, under that preset, against one overflow budget shared by
/// every such client (of the preset's size), until partitions are dropped; clients that have a partition
/// keep theirs. So limits still hold: no client gets more than its own budget, and in a flood the
/// newcomers together get one client's budget.
/// </summary>
internal sealed class RateLimitPartitionBudget
{
    /// <summary>The partitions, every preset together, beyond which newcomers share the overflow budget.</summary>
    public const int DefaultMaxPartitions = 100_000;

    private readonly ConcurrentDictionary<(string Policy, object Client), RateLimiter> _live = new();
    private readonly int _maxPartitions;
    private int _count;

    public RateLimitPartitionBudget(int maxPartitions = DefaultMaxPartitions) => _maxPartitions = maxPartitions;

    /// <summary>How many partitions live now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// The partition key of <paramref name="client"/> under <paramref name="policy"/>: the client itself
    /// when it has a partition or there is room for one, else <see cref="RateLimitClient.Overflow"/>.
    /// </summary>
    public object PartitionKey(string policy, object client) =>
        Volatile.Read(ref _count) < _maxPartitions || _live.ContainsKey((policy, client)) ? client : RateLimitClient.Overflow;

    /// <summary>Counts <paramref name="limiter"/>, the new partition of <paramref name="client"/>, until the framework drops (disposes) it.</summary>
    public RateLimiter Track(string policy, object client, RateLimiter limiter)
    {
        if (ReferenceEquals(client, RateLimitClient.Overflow) || limiter is not ReplenishingRateLimiter replenishing)
        {
            return limiter;
        }

        var tracked = new TrackedLimiter(this, policy, client, replenishing);
        _live[(policy, client)] = tracked;
        Interlocked.Increment(ref _count);
        return tracked;
    }

    private void Release(TrackedLimiter limiter)
    {
        // Only this very limiter: a partition created again for the same client may already be counted.
        _live.TryRemove(new KeyValuePair<(string, object), RateLimiter>((limiter.Policy, limiter.Client), limiter));
        Interlocked.Decrement(ref _count);
    }

    /// <summary>The client's limiter as it is, plus the release of its place when the framework disposes it.</summary>
    private sealed class TrackedLimiter(RateLimitPartitionBudget budget, string policy, object client, ReplenishingRateLimiter inner) : ReplenishingRateLimiter
    {
        private int _disposed;

        public string Policy => policy;

        public object Client => client;

        public override bool IsAutoReplenishing => inner.IsAutoReplenishing;

        public override TimeSpan ReplenishmentPeriod => inner.ReplenishmentPeriod;

        public override TimeSpan? IdleDuration => inner.IdleDuration;

        public override bool TryReplenish() => inner.TryReplenish();

        public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => inner.AttemptAcquire(permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) => inner.AcquireAsync(permitCount, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                inner.Dispose();
                budget.Release(this);
            }

            base.Dispose(disposing);
        }

        protected override async ValueTask DisposeAsyncCore()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                await inner.DisposeAsync().ConfigureAwait(false);
                budget.Release(this);
            }

            await base.DisposeAsyncCore().ConfigureAwait(false);
        }
    }
}
