using ProductionReady.Common;

namespace ProductionReady.RateLimits;

/// <summary>
/// Requests the presets never limit: health probes (<see cref="ProbeRequestFeature"/>) and every path a
/// capability answers itself (<see cref="IReservedPaths"/>: the probe paths, the CSP report endpoint).
/// <c>UseProductionReady()</c> answers those ahead of the rate limiter anyway; this holds when an app
/// places <c>UseRateLimiter()</c> earlier itself.
/// </summary>
internal sealed class RateLimitExemptions
{
    private readonly IEnumerable<IReservedPaths> _reserved;
    private string[]? _paths;

    public RateLimitExemptions(IEnumerable<IReservedPaths> reserved) => _reserved = reserved;

    public bool IsExempt(HttpContext context)
    {
        if (context.Features.Get<ProbeRequestFeature>() is not null)
        {
            return true;
        }

        // Read once, on the first request: the reserved paths come from options already validated at startup.
        var paths = _paths ??= _reserved.SelectMany(r => r.GetReservedPaths()).Select(p => RequestPaths.Normalize(p.Path)).ToArray();
        return RequestPaths.IsOneOf(context.Request.Path, paths);
    }
}
