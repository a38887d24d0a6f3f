using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace ProductionReady.Redis;

/// <summary>
/// The presets' budgets in Redis, so every replica of the service draws from one budget per client.
/// Keys are <c>rl:{productionready:&lt;service&gt;:&lt;policy&gt;:&lt;client&gt;}</c>: services sharing a Redis do
/// not share budgets, replicas of one service do.
/// </summary>
internal sealed class RedisRateLimiterStore : IRateLimitBudgetStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisReachability _reachability;

    public RedisRateLimiterStore(IConnectionMultiplexer redis, RedisReachability reachability)
    {
        _redis = redis;
        _reachability = reachability;
    }

    public RateLimiter CreateLimiter(RateLimitBudget budget)
    {
        var shared = new RedisTokenBucketRateLimiter<string>(
            "productionready:" + budget.ServiceName + ":" + budget.PolicyName + ":" + budget.Client,
            new RedisTokenBucketRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => _redis,
                TokenLimit = budget.PermitsPerSecond + budget.Burst,
                TokensPerPeriod = budget.PermitsPerSecond,

                // RedisRateLimiting counts time in whole seconds.
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            });
        return new RedisOrLocalRateLimiter(shared, budget.CreateLocalLimiter(), _reachability);
    }
}
