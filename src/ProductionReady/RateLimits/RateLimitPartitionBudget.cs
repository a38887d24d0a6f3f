using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace ProductionReady.RateLimits;

/// <summary>
/// Bounds the memory the per-client budgets take, whatever the number of distinct clients or their rate.
/// The framework keeps one partition per policy and client and drops it 10 s after its bucket is full
/// again, so memory comes back when clients go; what it does not bound is how many partitions live at
/// once: a flood of distinct addresses (580,000 in a minute through a trusted proxy) grew the process by
/// 140 MB. Two things bound it here:
/// <list type="bullet">
/// <item>At most <see cref="DefaultMaxPartitions"/> partitions live, every preset together. Beyond that, a
/// client that has no partition yet is counted, under that preset, against one overflow budget shared by
/// every such client (of the preset's size), until partitions are dropped; clients that have a partition
/// keep theirs. So limits still hold: no client gets more than its own budget, and in a flood the
/// newcomers together get one client's budget.</item>
/// <item>A partition's bucket is one small object (<see cref="CreateBucket"/>, about 72 bytes: the token
/// count, two timestamps and its place here) rather than the framework's <see cref="TokenBucketRateLimiter"/>
/// with its options, lock, queue and statistics and the wrapper that counted it. With the framework's own
/// entry, the client's address and the entry here, a partition retains about 330 bytes (under
/// <see cref="BytesPerPartition"/>; about 490 with the framework's bucket), so the partitions retain at most
/// about 33-40 MB (docs/performance.md measures it).</item>
/// </list>
/// </summary>
internal sealed class RateLimitPartitionBudget
{
    /// <summary>The partitions, every preset together, beyond which newcomers share the overflow budget.</summary>
    public const int DefaultMaxPartitions = 100_000;

    /// <summary>
    /// What one partition retains, measured (<c>RateLimitPartitionMemoryTests</c> holds it under this):
    /// the framework's dictionary entry and <see cref="Lazy{T}"/>, the client's <see cref="System.Net.IPAddress"/>
    /// key, the bucket and its entry here.
    /// </summary>
    public const int BytesPerPartition = 400;

    private readonly ConcurrentDictionary<(string Policy, object Client), RateLimiter> _live = new();
    private readonly int _maxPartitions;
    private readonly TimeProvider _time;
    private readonly long _period;
    private int _count;

    public RateLimitPartitionBudget(int maxPartitions = DefaultMaxPartitions, TimeProvider? time = null)
    {
        _maxPartitions = maxPartitions;
        _time = time ?? TimeProvider.System;
        _period = _time.TimestampFrequency; // one second, in the time provider's timestamp units
    }

    /// <summary>How many partitions live now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// The partition key of <paramref name="client"/> under <paramref name="policy"/>: the client itself
    /// when it has a partition or there is room for one, else <see cref="RateLimitClient.Overflow"/>.
    /// </summary>
    public object PartitionKey(string policy, object client) =>
        Volatile.Read(ref _count) < _maxPartitions || _live.ContainsKey((policy, client)) ? client : RateLimitClient.Overflow;

    /// <summary>
    /// The token bucket of <paramref name="client"/> under <paramref name="policy"/>: it holds
    /// <see cref="ProductionReadyRateLimitPolicyOptions.PermitsPerSecond"/> + <see cref="ProductionReadyRateLimitPolicyOptions.Burst"/> tokens,
    /// starts full, gets <see cref="ProductionReadyRateLimitPolicyOptions.PermitsPerSecond"/> back each second (the partitioned
    /// limiter's timer calls <see cref="ReplenishingRateLimiter.TryReplenish"/>), queues nothing, and is counted
    /// here until the framework drops (disposes) it. The overflow bucket is not counted.
    /// </summary>
    public RateLimiter CreateBucket(string policy, object client, ProductionReadyRateLimitPolicyOptions limit)
    {
        var tracked = !ReferenceEquals(client, RateLimitClient.Overflow);
        var bucket = new ClientBucket(this, policy, client, limit.PermitsPerSecond + limit.Burst, limit.PermitsPerSecond, tracked);
        if (tracked)
        {
            _live[(policy, client)] = bucket;
            Interlocked.Increment(ref _count);
        }

        return bucket;
    }

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

    private void Release(string policy, object client, RateLimiter limiter)
    {
        // Only this very limiter: a partition created again for the same client may already be counted.
        _live.TryRemove(new KeyValuePair<(string, object), RateLimiter>((policy, client), limiter));
        Interlocked.Decrement(ref _count);
    }

    /// <summary>
    /// One client's token bucket in one object: no options copy, lock object, queue or statistics of its own
    /// (it locks on itself and queues nothing), since there may be a hundred thousand of them.
    /// </summary>
    private sealed class ClientBucket : ReplenishingRateLimiter
    {
        private static readonly RateLimitLease Granted = new Lease(acquired: true, retryAfter: null);
        private readonly RateLimitPartitionBudget _budget;
        private readonly string _policy;
        private readonly object _client;
        private readonly int _limit;
        private readonly int _perPeriod;
        private int _tokens;
        private int _released; // 1 once its place here is given back (or from the start, when not counted)
        private long _replenishedAt;
        private long _fullSince; // when the bucket was last full (it is idle from then until a token is taken)

        public ClientBucket(RateLimitPartitionBudget budget, string policy, object client, int limit, int perPeriod, bool tracked)
        {
            _budget = budget;
            _policy = policy;
            _client = client;
            _limit = limit;
            _perPeriod = perPeriod;
            _tokens = limit;
            _released = tracked ? 0 : 1;
            _replenishedAt = _fullSince = budget._time.GetTimestamp();
        }

        public override bool IsAutoReplenishing => false;

        public override TimeSpan ReplenishmentPeriod => TimeSpan.FromSeconds(1);

        public override TimeSpan? IdleDuration
        {
            get
            {
                lock (this)
                {
                    return _tokens == _limit ? _budget._time.GetElapsedTime(_fullSince) : null;
                }
            }
        }

        public override bool TryReplenish()
        {
            var now = _budget._time.GetTimestamp();
            lock (this)
            {
                var periods = (now - _replenishedAt) / _budget._period;
                if (periods <= 0)
                {
                    return false;
                }

                _replenishedAt += periods * _budget._period;
                if (_tokens < _limit)
                {
                    _tokens = (int)Math.Min(_limit, _tokens + (periods * _perPeriod));
                    if (_tokens == _limit)
                    {
                        _fullSince = now;
                    }
                }

                return true;
            }
        }

        public override RateLimiterStatistics? GetStatistics()
        {
            lock (this)
            {
                return new RateLimiterStatistics { CurrentAvailablePermits = _tokens };
            }
        }

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _limit);
            lock (this)
            {
                // As the framework's token bucket: asking for no permit succeeds while any is left.
                if (permitCount == 0 ? _tokens > 0 : _tokens >= permitCount)
                {
                    _tokens -= permitCount;
                    return Granted;
                }

                var periods = (permitCount - _tokens + _perPeriod - 1) / _perPeriod;
                return new Lease(acquired: false, retryAfter: TimeSpan.FromSeconds(periods));
            }
        }

        // Nothing is queued: waiting is the same as trying now.
        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) => ValueTask.FromResult(AttemptAcquireCore(permitCount));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Release();
            }

            base.Dispose(disposing);
        }

        // The framework disposes the partitions it drops asynchronously (DisposeAsync calls Dispose(false)).
        protected override ValueTask DisposeAsyncCore()
        {
            Release();
            return base.DisposeAsyncCore();
        }

        private void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _budget.Release(_policy, _client, this);
            }
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } after && metadataName == MetadataName.RetryAfter.Name ? after : null;
            return metadata is not null;
        }
    }

    /// <summary>The client's limiter as it is, plus the release of its place when the framework disposes it.</summary>
    private sealed class TrackedLimiter(RateLimitPartitionBudget budget, string policy, object client, ReplenishingRateLimiter inner) : ReplenishingRateLimiter
    {
        private int _disposed;

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
                budget.Release(policy, client, this);
            }

            base.Dispose(disposing);
        }

        protected override async ValueTask DisposeAsyncCore()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                await inner.DisposeAsync().ConfigureAwait(false);
                budget.Release(policy, client, this);
            }

            await base.DisposeAsyncCore().ConfigureAwait(false);
        }
    }
}
