using System.Threading.RateLimiting;

namespace ProductionReady.RateLimits;

/// <summary>The presets' store when the app registered an <see cref="IRateLimitBudgetStore"/>: its limiters, the partitions still bounded here.</summary>
internal sealed class BudgetStoreRateLimiterStore(IRateLimitBudgetStore store, string serviceName) : IRateLimiterStore
{
    private readonly RateLimitPartitionBudget _partitions = new();

    public object PartitionKey(string policyName, object client) => _partitions.PartitionKey(policyName, client);

    public RateLimiter Create(string policyName, object client, ProductionReadyRateLimitPolicyOptions limit) =>
        _partitions.Track(policyName, client, store.CreateLimiter(new RateLimitBudget(serviceName, policyName, RateLimitClient.Describe(client), limit)));
}
