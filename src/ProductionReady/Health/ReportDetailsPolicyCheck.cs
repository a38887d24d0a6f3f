using ProductionReady.Common;

namespace ProductionReady.Health;

/// <summary>
/// Inside <c>builder.Build()</c>: a details policy named in an app without authorization, or one that does not
/// exist, refuses the start with the one report (exit 1), before the app's own code after <c>Build()</c>.
/// </summary>
internal sealed class ReportDetailsPolicyCheck(IServiceProvider services) : IPreStartCheck
{
    public void Run() => services.GetRequiredService<ReportDetailsGate>().ValidatePolicyAsync(services).GetAwaiter().GetResult();
}
