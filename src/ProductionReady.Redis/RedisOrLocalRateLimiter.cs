using System.Diagnostics;
using System.Threading.RateLimiting;

namespace ProductionReady.Redis;

/// <summary>
/// One client's budget under one policy: in Redis (RedisRateLimiting's token bucket) while Redis answers
/// within <see cref="RedisReachability.RequestBound"/>, else in this instance's own token bucket of the same
/// size (at once, without asking Redis, while <see cref="RedisReachability"/>'s circuit is open). A replenishing limiter, so the partitioned
/// limiter's timer refills the local bucket.
/// </summary>
internal sealed class RedisOrLocalRateLimiter : ReplenishingRateLimiter
{
    private static readonly RateLimitLease AskAsynchronously = new NotAcquiredLease();
    private readonly RateLimiter _redis;
    private readonly ReplenishingRateLimiter _local;
    private readonly RedisReachability _reachability;
    private long _lastUsed = Stopwatch.GetTimestamp();

    public RedisOrLocalRateLimiter(RateLimiter redis, ReplenishingRateLimiter local, RedisReachability reachability)
    {
        _redis = redis;
        _local = local;
        _reachability = reachability;
    }

    public override bool IsAutoReplenishing => false;

    public override TimeSpan ReplenishmentPeriod => _local.ReplenishmentPeriod;

    // Idle once the local bucket is full and nobody asked for a while; the partitioned limiter then drops
    // the partition (the shared budget stays in Redis).
    public override TimeSpan? IdleDuration => _local.IdleDuration is null ? null : Stopwatch.GetElapsedTime(Volatile.Read(ref _lastUsed));

    public override bool TryReplenish() => _local.TryReplenish();

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Volatile.Write(ref _lastUsed, Stopwatch.GetTimestamp());

        // Never a blocking network call on the request thread: a lease not acquired here makes the
        // rate-limiting middleware ask AcquireAsync, which goes to Redis asynchronously.
        return _reachability.UseLocal ? _local.AttemptAcquire(permitCount) : AskAsynchronously;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lastUsed, Stopwatch.GetTimestamp());
        if (!_reachability.UseLocal)
        {
            // The request's token is not passed on: an abandoned call must not leave a lease behind unseen.
            var asking = _redis.AcquireAsync(permitCount, CancellationToken.None).AsTask();
            try
            {
                // Our own bound, whatever the connection string's timeouts say: a frozen Redis holds no request.
                var lease = await asking.WaitAsync(RedisReachability.RequestBound, _reachability.Time, cancellationToken);
                _reachability.Succeeded();
                return lease;
            }
            catch (TimeoutException)
            {
                _reachability.Failed(null);
                DisposeWhenAnswered(asking);
            }
            catch (OperationCanceledException)
            {
                DisposeWhenAnswered(asking);
                throw;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Whatever went wrong with the shared store (connection, an unexpected reply), the request
                // is still answered: by this instance's bucket, never unlimited, never failed.
                _reachability.Failed(ex);
            }
        }

        return await _local.AcquireAsync(permitCount, cancellationToken);
    }

    // A call abandoned at the bound may still answer later; its lease is released then.
    private static void DisposeWhenAnswered(Task<RateLimitLease> asking) => _ = asking.ContinueWith(
        static t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                t.Result.Dispose();
            }

            _ = t.Exception; // observed: an abandoned call's failure is no one's to report
        },
        CancellationToken.None,
        TaskContinuationOptions.ExecuteSynchronously,
        TaskScheduler.Default);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _redis.Dispose();
            _local.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class NotAcquiredLease : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
