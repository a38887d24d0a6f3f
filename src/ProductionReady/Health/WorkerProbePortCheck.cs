using System.Globalization;
using ProductionReady.Common;

namespace ProductionReady.Health;

/// <summary>
/// Inside <c>builder.Build()</c> of an app without a web server (a worker): a probe port another process already
/// holds refuses the start with the one report (exit 1) naming <c>ProductionReady:Health:Port</c>, instead of a
/// bind failure with a stack trace once the host starts.
/// </summary>
internal sealed class WorkerProbePortCheck(IServiceCollection registrations, IServiceProvider services) : IPreStartCheck
{
    public void Run()
    {
        if (WebServer.IsRegistered(registrations))
        {
            return;
        }

        var port = services.GetRequiredService<IOptions<ProductionReadyHealthOptions>>().Value.Port ?? ProductionReadyHealthOptions.DefaultWorkerPort;
        if (ServerPorts.IsInUse(port))
        {
            throw StartupReport.Refuse([Problem(port)], Console.Error, StartupReport.TryCreateLogger(services));
        }
    }

    /// <summary>The report line for a probe port another process holds.</summary>
    public static ConfigurationProblem Problem(int port)
    {
        var number = port.ToString(CultureInfo.InvariantCulture);
        return new ConfigurationProblem(ProductionReadyHealthOptions.SectionName + ":" + nameof(ProductionReadyHealthOptions.Port),
            $"({number}) is already in use by another process, so the worker's probe listener cannot listen on it. What to do: set a free port (and the same one in the pod's probes), or stop what holds {number}.");
    }
}
