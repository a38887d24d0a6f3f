using System.Globalization;
using ProductionReady.Common;

namespace ProductionReady.Metrics;

/// <summary>
/// Inside <c>builder.Build()</c>: a management port that is the only port the app listens on (every page and probe
/// would answer 404, so the pod never becomes ready), or one another process already holds, refuses the
/// start with the one report (exit 1), instead of a broken app or a bind failure with a stack trace.
/// </summary>
internal sealed class ManagementPortCheck(IServiceProvider services, IOptions<ProductionReadyMetricsOptions> options, IConfiguration configuration) : IPreStartCheck
{
    public void Run()
    {
        var o = options.Value;
        if (!o.Enabled || o.Port is not { } port)
        {
            return;
        }

        const string Key = ProductionReadyMetricsOptions.SectionName + ":" + nameof(ProductionReadyMetricsOptions.Port);
        var number = port.ToString(CultureInfo.InvariantCulture);
        ConfigurationProblem? problem = null;
        // Listing the management port among the app's addresses is how an app with pinned endpoints (or one that
        // binds it to one interface) opens it; what is broken is an app left with no port of its own.
        var appPorts = ServerPorts.FromConfiguration(configuration);
        if (appPorts.All(p => p.Port == port))
        {
            problem = new ConfigurationProblem(Key,
                $"({number}) is the only port the app listens on (from {appPorts[0].Setting}): the management port answers {o.Path} and nothing else, so every page and probe would be 404 and the app would never become ready. What to do: choose a port the app does not listen on (e.g. 9090), or remove {Key} to serve {o.Path} on the app's own port.");
        }
        else if (!appPorts.Any(p => p.Port == port) && ServerPorts.IsInUse(port))
        {
            problem = new ConfigurationProblem(Key,
                $"({number}) is already in use by another process, so the server cannot listen on it. What to do: choose a free port, or stop what holds {number}.");
        }

        if (problem is not null)
        {
            throw StartupReport.Refuse([problem], Console.Error, StartupReport.TryCreateLogger(services));
        }
    }
}
