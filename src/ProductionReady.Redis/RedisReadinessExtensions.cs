using ProductionReady;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Redis readiness check.</summary>
public static class RedisReadinessExtensions
{
    /// <summary>The check's default name in the health report.</summary>
    public const string DefaultName = "redis";

    /// <summary>
    /// Adds a Redis readiness check (AspNetCore.HealthChecks.Redis, a PING to each endpoint) on the app's
    /// registered <see cref="IConnectionMultiplexer"/>, tagged <c>ready</c> only: a Redis outage takes the
    /// instance out of the load balancer but never restarts it. Add it only when the app cannot serve
    /// without Redis; the rate limits alone do not need it (they fall back to per-instance budgets).
    /// Like every check it runs under <c>ProductionReady:Health:CheckTimeout</c>.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>builder.Services.AddHealthChecks()</c>).</param>
    /// <param name="name">The check's name in the report.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHealthChecksBuilder AddProductionReadyRedis(this IHealthChecksBuilder builder, string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.AddRedis(
            sp => sp.GetService<IConnectionMultiplexer>() ?? throw new InvalidOperationException(
                $"The '{name}' readiness check has no Redis connection: register an IConnectionMultiplexer (builder.Services.AddSingleton<IConnectionMultiplexer>(...)) before the app starts."),
            name,
            failureStatus: null,
            tags: [HealthCheckTags.Ready],
            timeout: null);
    }
}
