using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ProductionReady.Metrics;

/// <summary>
/// Makes the server also listen on <see cref="ProductionReadyMetricsOptions.Port"/>, next to the app's own addresses. Runs
/// as a startup filter: the host has filled the server's addresses from <c>urls</c> by then and has not
/// started the server yet. (An app that pins Kestrel endpoints in code or under <c>Kestrel:Endpoints</c>
/// makes Kestrel ignore addresses: it then lists the management port there itself.)
/// It also puts the management port's closure at the very front of the pipeline, ahead of every middleware of
/// the app and of the other capabilities (the CSP report endpoint, the probes): that port answers the scrape path
/// and nothing else, whatever order the app calls the <c>Use…</c> methods in.
/// </summary>
internal sealed class ManagementPortListener : IStartupFilter
{
    private const string KestrelDefaultAddress = "http://localhost:5000";
    private readonly IServer _server;
    private readonly IOptions<ProductionReadyMetricsOptions> _options;
    private readonly MetricsEndpointGate? _gate;

    public ManagementPortListener(IServer server, IOptions<ProductionReadyMetricsOptions> options, MetricsEndpointGate? gate = null)
    {
        _server = server;
        _options = options;
        _gate = gate;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        var options = _options.Value;
        if (options.Enabled && options.Port is { } port && _server.Features.Get<IServerAddressesFeature>()?.Addresses is { IsReadOnly: false } addresses)
        {
            var suffix = ":" + port.ToString(CultureInfo.InvariantCulture);
            if (!addresses.Any(a => a.TrimEnd('/').EndsWith(suffix, StringComparison.Ordinal)))
            {
                if (addresses.Count == 0)
                {
                    // Adding an address would otherwise take the place of Kestrel's default one.
                    addresses.Add(KestrelDefaultAddress);
                }

                addresses.Add("http://*" + suffix);
            }
        }

        if (options.Enabled && options.Port is not null && _gate is { } gate)
        {
            return app =>
            {
                app.Use(gate.CloseManagementPortAsync);
                next(app);
            };
        }

        return next;
    }
}
