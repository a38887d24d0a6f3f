using System.Threading.RateLimiting;
using ProductionReady.Common;
using ProductionReady.RateLimits;
using RedisRateLimiting;
using StackExchange.Redis;

namespace ProductionReady.Redis;

/// <summary>
/// The presets' budgets in Redis, so every replica of the service draws from one budget per client.
/// Keys are <c>rl:{productionready:&lt;service&gt;:&lt;policy&gt;:&lt;client&gt;}</c>: services sharing a Redis do
/// not share budgets, replicas of one service do.
/// </summary>
internal sealed class RedisRateLimiterStore : IRateLimiterStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisReachability _reachability;
    private readonly string _prefix;
    private readonly RateLimitPartitionBudget _partitions = new();

    public RedisRateLimiterStore(IServiceProvider services, RedisReachability reachability)
    {
        _redis = services.GetRequiredService<IConnectionMultiplexer>();
        _reachability = reachability;
        var service = services.GetService<ServiceIdentity>()?.Name ?? services.GetRequiredService<IHostEnvironment>().ApplicationName;
        _prefix = "productionready:" + service + ":";
    }

    public object PartitionKey(string policyName, object client) => _partitions.PartitionKey(policyName, client);

    public RateLimiter Create(string policyName, object client, ProductionReadyRateLimitPolicyOptions limit)
    {
        var shared = new RedisTokenBucketRateLimiter<string>(
            _prefix + policyName + ":" + RateLimitClient.Describe(client),
            new RedisTokenBucketRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => _redis,
                TokenLimit = limit.PermitsPerSecond + limit.Burst,
                TokensPerPeriod = limit.PermitsPerSecond,

                // RedisRateLimiting counts time in whole seconds.
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            });
        return _partitions.Track(policyName, client, new RedisOrLocalRateLimiter(shared, LocalRateLimiterStore.CreateTokenBucket(limit), _reachability));
    }
}
