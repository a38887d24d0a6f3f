using ProductionReady.Common;

namespace ProductionReady.Info;

/// <summary>
/// Inside <c>builder.Build()</c>: an info policy named in an app without authorization, or one that does not exist,
/// refuses the start with the one report (exit 1), before the app's own code after <c>Build()</c>.
/// </summary>
internal sealed class InfoPolicyCheck(IServiceProvider services, IOptions<ProductionReadyInfoOptions> options) : IPreStartCheck
{
    public void Run()
    {
        if (options.Value.Enabled)
        {
            services.GetRequiredService<InfoEndpoint>().ValidatePolicyAsync(services).GetAwaiter().GetResult();
        }
    }
}
