using System.Threading.RateLimiting;

namespace ProductionReady;

/// <summary>
/// Where the rate-limit presets keep a client's budget when it must be shared beyond this instance
/// (ProductionReady.Redis keeps it in Redis, so every replica draws from one budget). Without one registered the
/// budgets stay in this instance's memory. The presets still bound the number of partitions and pick the client.
/// </summary>
public interface IRateLimitBudgetStore
{
    /// <summary>Creates the limiter of one client under one preset; called once per partition.</summary>
    /// <param name="budget">The preset, the client and the limit.</param>
    /// <returns>The limiter; <see cref="RateLimitBudget.CreateLocalLimiter"/> is this instance's own, for a fallback.</returns>
    RateLimiter CreateLimiter(RateLimitBudget budget);
}
