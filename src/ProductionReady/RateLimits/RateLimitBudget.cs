using System.Threading.RateLimiting;
using ProductionReady.RateLimits;

namespace ProductionReady;

/// <summary>One client's budget under one rate-limit preset, as an <see cref="IRateLimitBudgetStore"/> is asked to hold it.</summary>
public sealed class RateLimitBudget
{
    private readonly ProductionReadyRateLimitPolicyOptions _limit;

    internal RateLimitBudget(string serviceName, string policyName, string client, ProductionReadyRateLimitPolicyOptions limit)
    {
        ServiceName = serviceName;
        PolicyName = policyName;
        Client = client;
        _limit = limit;
    }

    /// <summary>The service's name (<c>ProductionReady:ServiceName</c>, else the application name): services sharing a store must not share budgets.</summary>
    public string ServiceName { get; }

    /// <summary>The preset (<see cref="RateLimitPolicyNames"/>).</summary>
    public string PolicyName { get; }

    /// <summary>The client, as text: the authenticated user or the client address, or a shared key for unknown and overflow clients.</summary>
    public string Client { get; }

    /// <summary>Tokens added each second.</summary>
    public int PermitsPerSecond => _limit.PermitsPerSecond;

    /// <summary>Tokens the bucket holds beyond one second's worth.</summary>
    public int Burst => _limit.Burst;

    /// <summary>This instance's own token bucket for the same limit (replenished by the presets' limiter), for a store's fallback.</summary>
    /// <returns>A new per-instance limiter.</returns>
    public ReplenishingRateLimiter CreateLocalLimiter() => LocalRateLimiterStore.CreateTokenBucket(_limit);
}
