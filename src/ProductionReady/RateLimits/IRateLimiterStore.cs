using System.Threading.RateLimiting;

namespace ProductionReady.RateLimits;

/// <summary>
/// Where a preset's per-client budget lives. The default keeps it in this instance's memory;
/// an app's <see cref="IRateLimitBudgetStore"/> (ProductionReady.Redis) replaces it through <see cref="BudgetStoreRateLimiterStore"/>.
/// </summary>
internal interface IRateLimiterStore
{
    /// <summary>
    /// The partition key of <paramref name="client"/> under one policy: the client, or the shared overflow
    /// key once the partitions are at their bound (<see cref="RateLimitPartitionBudget"/>).
    /// </summary>
    object PartitionKey(string policyName, object client);

    /// <summary>Creates the limiter of one client (<see cref="RateLimitClient"/>) under one policy; called once per partition.</summary>
    RateLimiter Create(string policyName, object client, ProductionReadyRateLimitPolicyOptions limit);
}
