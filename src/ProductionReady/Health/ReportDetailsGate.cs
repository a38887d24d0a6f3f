using ProductionReady.Common;

namespace ProductionReady.Health;

/// <summary>Who may see the report's per-check details and build details: the shared <see cref="CallerAccessGate"/>, set from <see cref="ProductionReadyHealthOptions.ReportDetails"/>.</summary>
internal sealed class ReportDetailsGate
{
    private const string PolicyKey = ProductionReadyHealthOptions.SectionName + ":" + nameof(ProductionReadyHealthOptions.ReportDetailsPolicy);
    private readonly CallerAccessGate _gate;

    public ReportDetailsGate(IOptions<ProductionReadyHealthOptions> options)
    {
        var o = options.Value;
        _gate = new CallerAccessGate(
            o.ReportDetails switch
            {
                HealthReportDetails.Everyone => CallerAccess.Everyone,
                HealthReportDetails.Nobody => CallerAccess.Nobody,
                HealthReportDetails.AuthorizationPolicy => CallerAccess.AuthorizationPolicy,
                _ => CallerAccess.LoopbackOnly,
            },
            o.ReportDetailsPolicy);
    }

    public ValueTask<bool> AllowsAsync(HttpContext context) => _gate.AllowsAsync(context);

    /// <summary>Fails startup with a clear message when the configured policy cannot be evaluated.</summary>
    public Task ValidatePolicyAsync(IServiceProvider services) => _gate.ValidatePolicyAsync(services, PolicyKey);
}
