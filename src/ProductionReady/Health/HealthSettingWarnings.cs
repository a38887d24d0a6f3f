using ProductionReady.Common;

namespace ProductionReady.Health;

/// <summary>Valid health settings that weaken the service outside Development: a report anyone may read.</summary>
internal sealed class HealthSettingWarnings(IOptions<ProductionReadyHealthOptions> options) : ISettingWarnings
{
    public IEnumerable<SettingWarning> Find(IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() && options.Value.ReportDetails == HealthReportDetails.Everyone)
        {
            yield return new SettingWarning(
                ProductionReadyHealthOptions.SectionName + ":" + nameof(ProductionReadyHealthOptions.ReportDetails),
                "is Everyone: any caller reads every check's name, duration and failure reason on the report path, which maps the app's dependencies for an attacker. Use LoopbackOnly (the default) or AuthorizationPolicy.");
        }
    }
}
