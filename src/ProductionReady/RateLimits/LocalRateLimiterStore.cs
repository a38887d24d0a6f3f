using System.Threading.RateLimiting;

namespace ProductionReady.RateLimits;

/// <summary>The budget in this instance's memory: a compact token bucket per client, the partitions bounded by <see cref="RateLimitPartitionBudget"/>.</summary>
internal sealed class LocalRateLimiterStore : IRateLimiterStore
{
    public LocalRateLimiterStore()
        : this(new RateLimitPartitionBudget())
    {
    }

    internal LocalRateLimiterStore(RateLimitPartitionBudget partitions) => Partitions = partitions;

    /// <summary>The bound on the partitions this store's limiters take.</summary>
    public RateLimitPartitionBudget Partitions { get; }

    public object PartitionKey(string policyName, object client) => Partitions.PartitionKey(policyName, client);

    public RateLimiter Create(string policyName, object client, ProductionReadyRateLimitPolicyOptions limit) => Partitions.CreateBucket(policyName, client, limit);

    /// <summary>The framework's token bucket of <paramref name="limit"/>, replenished by the partitioned limiter's own timer (the fallback of a shared store).</summary>
    public static TokenBucketRateLimiter CreateTokenBucket(ProductionReadyRateLimitPolicyOptions limit) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = limit.PermitsPerSecond + limit.Burst,
        TokensPerPeriod = limit.PermitsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,

        // The partitioned limiter replenishes every partition from one timer; a timer per client would not scale.
        AutoReplenishment = false,
    });
}
