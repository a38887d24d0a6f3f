using ProductionReady.Common;

namespace ProductionReady.Metrics;

/// <summary>
/// Inside <c>builder.Build()</c>: a metrics policy named in an app without authorization, or one that does not
/// exist, refuses the start with the one report (exit 1), before the app's own code after <c>Build()</c>.
/// </summary>
internal sealed class MetricsPolicyCheck(IServiceProvider services, IOptions<ProductionReadyMetricsOptions> options) : IPreStartCheck
{
    public void Run()
    {
        if (options.Value.Enabled)
        {
            services.GetRequiredService<MetricsEndpointGate>().ValidatePolicyAsync(services).GetAwaiter().GetResult();
        }
    }
}
