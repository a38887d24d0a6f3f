using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ProductionReady.RateLimits;

/// <summary>
/// One preset (<c>auth</c>, <c>api</c>, <c>uploads</c>, or the global limit): a per-client token bucket
/// from the <see cref="IRateLimiterStore"/>, exempt requests unlimited, rejections answered by
/// <see cref="RateLimitRejections"/> under the preset's name.
/// </summary>
internal sealed class RateLimitPresetPolicy : IRateLimiterPolicy<object>
{
    private static readonly object ExemptKey = new();
    private readonly bool _enabled;
    private readonly RateLimitExemptions _exemptions;
    private readonly IRateLimiterStore _store;
    private readonly Func<object, RateLimiter> _createLimiter;

    public RateLimitPresetPolicy(string name, ProductionReadyRateLimitPolicyOptions limit, bool enabled, IRateLimiterStore store, RateLimitExemptions exemptions, RateLimitRejections rejections)
    {
        Name = name;
        _enabled = enabled;
        _exemptions = exemptions;
        _store = store;

        // Built once: choosing a partition allocates no delegate per request.
        _createLimiter = client => store.Create(name, client, limit);
        OnRejected = (context, cancellationToken) => rejections.RejectAsync(name, context, cancellationToken);
    }

    public string Name { get; }

    public Func<OnRejectedContext, CancellationToken, ValueTask> OnRejected { get; }

    public RateLimitPartition<object> GetPartition(HttpContext httpContext)
    {
        if (!_enabled || _exemptions.IsExempt(httpContext))
        {
            return RateLimitPartition.GetNoLimiter(ExemptKey);
        }

        // The client, or the shared overflow key once the partitions are at their bound.
        return new RateLimitPartition<object>(_store.PartitionKey(Name, RateLimitClient.Of(httpContext)), _createLimiter);
    }
}
