using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace ProductionReady.RateLimits;

/// <summary>
/// Puts the presets into the framework's <see cref="RateLimiterOptions"/>: the named policies, the
/// <c>auth</c> preset on Identity's POSTs and the optional global limit (<see cref="RateLimitGlobalSlot"/>), 429 for rejections and our rejection handler. Runs before the app's own
/// <c>AddRateLimiter(o => ...)</c> configuration, which may add policies of its own next to ours.
/// </summary>
internal sealed class RateLimitPresets : IConfigureOptions<RateLimiterOptions>
{
    private readonly IOptions<ProductionReadyRateLimitsOptions> _options;
    private readonly IRateLimiterStore _store;
    private readonly RateLimitExemptions _exemptions;
    private readonly RateLimitRejections _rejections;
    private readonly IServiceProviderIsService _services;

    public RateLimitPresets(IOptions<ProductionReadyRateLimitsOptions> options, IRateLimiterStore store, RateLimitExemptions exemptions, RateLimitRejections rejections, IServiceProviderIsService services)
    {
        _services = services;
        _options = options;
        _store = store;
        _exemptions = exemptions;
        _rejections = rejections;
    }

    public void Configure(RateLimiterOptions options)
    {
        var settings = _options.Value;
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = _rejections.RejectByAppOrGlobalAsync;
        options.AddPolicy(RateLimitPolicyNames.Auth, Preset(RateLimitPolicyNames.Auth, settings.Auth));
        options.AddPolicy(RateLimitPolicyNames.Api, Preset(RateLimitPolicyNames.Api, settings.Api));
        options.AddPolicy(RateLimitPolicyNames.Uploads, Preset(RateLimitPolicyNames.Uploads, settings.Uploads));
        // Only in an app that registers Identity's sign-in (AddDefaultIdentity, AddIdentity, AddIdentityApiEndpoints
        // all add its security stamp validator): a global limiter takes every request off the framework's fast path.
        var identity = settings.Enabled && settings.Identity && _services.IsService(typeof(ISecurityStampValidator))
            ? PartitionedRateLimiter.Create<HttpContext, object>(Preset(RateLimitPolicyNames.Auth, settings.Auth).GetPartition)
            : null;
        var global = settings.Enabled && settings.Global is { } limit
            ? PartitionedRateLimiter.Create<HttpContext, object>(Preset(RateLimitPolicyNames.Global, limit).GetPartition)
            : null;
        if (identity is not null || global is not null)
        {
            options.GlobalLimiter = new RateLimitGlobalSlot(identity, global);
        }

        RateLimitPresetPolicy Preset(string name, ProductionReadyRateLimitPolicyOptions limit) => new(name, limit, settings.Enabled, _store, _exemptions, _rejections);
    }
}
