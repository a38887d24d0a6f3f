using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductionReady;
using ProductionReady.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>Holds the rate-limit presets in Redis, so every replica shares one budget.</summary>
public static class RedisHostingExtensions
{
    /// <summary>
    /// Makes the rate-limit presets (<c>auth</c>, <c>api</c>, <c>uploads</c>, the global limit) cluster-wide:
    /// each client's budget is held in Redis (RedisRateLimiting's token bucket) through the app's registered
    /// <see cref="IConnectionMultiplexer"/>, so ten replicas allow "auth 5/s per client" once, not ten times.
    /// A request waits on Redis at most 250 ms, whatever the connection string's timeouts say. When Redis
    /// fails or is slower than that, each instance uses its own per-instance budget at once (a circuit
    /// breaker: no request asks Redis until a background PING, once a second, is answered again) and logs
    /// one warning per outage: requests are neither failed, nor held, nor let through unlimited. A frozen
    /// Redis does not delay the shutdown either. Adds the presets
    /// (<c>AddProductionReadyRateLimits</c>) if they are not added yet.
    /// </summary>
    /// <remarks>
    /// Register the multiplexer with <c>AbortOnConnectFail = false</c> so the app starts while Redis is down.
    /// </remarks>
    /// <param name="builder">The host application builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadyRedisRateLimits(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddProductionReadyRateLimits();
        builder.Services.TryAddSingleton<RedisReachability>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RedisShutdown>());
        builder.Services.RemoveAll<IRateLimitBudgetStore>();
        builder.Services.AddSingleton<IRateLimitBudgetStore, RedisRateLimiterStore>();
        return builder;
    }
}
