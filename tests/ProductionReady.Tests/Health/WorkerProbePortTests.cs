using System.Net;
using System.Net.Sockets;
using ProductionReady.Logging;

namespace ProductionReady.Tests.Health;

/// <summary>A worker whose probe port another process holds refuses the start with the report, naming the key.</summary>
public sealed class WorkerProbePortTests
{
    [Fact]
    public void A_probe_port_another_process_holds_refuses_the_start_of_a_worker()
    {
        using var holder = new TcpListener(IPAddress.Any, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Services.AddSingleton(LogDestination.To(new StringWriter()));
        builder.Configuration["ProductionReady:Health:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.AddProductionReady();

        var error = Assert.Throws<ProductionReadyConfigurationException>(() => builder.Build());
        Assert.Contains("ProductionReady:Health:Port: (" + port + ") is already in use", Assert.Single(error.Problems), StringComparison.Ordinal);
    }
}
