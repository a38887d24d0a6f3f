using ProductionReady.Common;

namespace ProductionReady.RateLimits;

/// <summary>Valid rate-limit settings that weaken the service in Production: the limits switched off.</summary>
internal sealed class RateLimitsSettingWarnings(IOptions<ProductionReadyRateLimitsOptions> options) : ISettingWarnings
{
    public IEnumerable<SettingWarning> Find(IHostEnvironment environment)
    {
        if (environment.IsProduction() && !options.Value.Enabled)
        {
            yield return new SettingWarning(
                ProductionReadyRateLimitsOptions.SectionName + ":" + nameof(ProductionReadyRateLimitsOptions.Enabled),
                "is false in Production: logins, APIs and uploads take any number of requests from one client (password guessing, scraping, exhaustion). Remove the setting, or raise a preset's limits instead.");
        }
    }
}
