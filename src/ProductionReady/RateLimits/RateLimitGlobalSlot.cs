using System.Threading.RateLimiting;

namespace ProductionReady.RateLimits;

/// <summary>
/// What the framework's rate limiter runs on every request, ahead of the endpoint's policy: the <c>auth</c>
/// preset on Identity's POSTs (<see cref="IdentityEndpoints"/>) and the optional global limit. Identity's
/// endpoints name no policy, so the global slot is the one place a limit can reach them without code. Any other
/// request gets a lease at once, without a lock or a partition lookup. A rejection says which preset refused
/// (<see cref="Rejected"/>), so the 429, the count and the log name <c>auth</c> or <c>global</c>.
/// </summary>
internal sealed class RateLimitGlobalSlot : PartitionedRateLimiter<HttpContext>
{
    private static readonly RateLimitLease Granted = new GrantedLease();
    private readonly PartitionedRateLimiter<HttpContext>? _identity;
    private readonly PartitionedRateLimiter<HttpContext>? _global;

    public RateLimitGlobalSlot(PartitionedRateLimiter<HttpContext>? identity, PartitionedRateLimiter<HttpContext>? global)
    {
        _identity = identity;
        _global = global;
    }

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => _global?.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        RateLimitLease? identity = null;
        if (_identity is not null && IdentityEndpoints.IsLimited(resource))
        {
            identity = _identity.AttemptAcquire(resource, permitCount);
            if (!identity.IsAcquired)
            {
                return new Rejected(RateLimitPolicyNames.Auth, identity);
            }
        }

        return Combine(identity, _global?.AttemptAcquire(resource, permitCount));
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        RateLimitLease? identity = null;
        if (_identity is not null && IdentityEndpoints.IsLimited(resource))
        {
            identity = await _identity.AcquireAsync(resource, permitCount, cancellationToken);
            if (!identity.IsAcquired)
            {
                return new Rejected(RateLimitPolicyNames.Auth, identity);
            }
        }

        return Combine(identity, _global is null ? null : await _global.AcquireAsync(resource, permitCount, cancellationToken));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _identity?.Dispose();
            _global?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static RateLimitLease Combine(RateLimitLease? identity, RateLimitLease? global)
    {
        if (global is { IsAcquired: false })
        {
            identity?.Dispose();
            return new Rejected(RateLimitPolicyNames.Global, global);
        }

        return (identity, global) switch
        {
            (null, null) => Granted,
            (null, { } only) => only,
            ({ } only, null) => only,
            ({ } first, { } second) => new Both(first, second),
        };
    }

    /// <summary>A refusal, naming the preset that refused; its metadata (<c>RETRY_AFTER</c>) is the refusing limiter's.</summary>
    internal sealed class Rejected(string policy, RateLimitLease inner) : RateLimitLease
    {
        public string Policy { get; } = policy;

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => inner.MetadataNames;

        public override bool TryGetMetadata(string metadataName, out object? metadata) => inner.TryGetMetadata(metadataName, out metadata);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class Both(RateLimitLease first, RateLimitLease second) : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                first.Dispose();
                second.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class GrantedLease : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
