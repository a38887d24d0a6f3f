using System.Threading.RateLimiting;

namespace ProductionReady.Edge;

/// <summary>The budget in this instance's memory: the framework's token bucket.</summary>
internal sealed class LocalRateLimiterStore : IRateLimiterStore
{
    public RateLimiter Create(string policyName, object client, RateLimitPolicyOptions limit) => CreateTokenBucket(limit);

    /// <summary>The token bucket of <paramref name="limit"/>, replenished by the partitioned limiter's own timer.</summary>
    public static TokenBucketRateLimiter CreateTokenBucket(RateLimitPolicyOptions limit) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = limit.PermitsPerSecond + limit.Burst,
        TokensPerPeriod = limit.PermitsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,

        // The partitioned limiter replenishes every partition from one timer; a timer per client would not scale.
        AutoReplenishment = false,
    });
}
