using Microsoft.AspNetCore.Hosting;
using System.Net;
using System.Net.Sockets;

namespace ProductionReady.Tests.Metrics;

/// <summary>
/// The management port answers the scrape and nothing else, whatever runs in front of the gate; a management port
/// that is also the app's port, or that another process holds, refuses the start with the report.
/// </summary>
[Collection(MetricsRunAlone.Name)]
public sealed class ManagementPortTests
{
    [Fact]
    public async Task The_CSP_report_endpoint_is_404_on_the_management_port_and_answers_on_the_app_port()
    {
        var port = LoopbackApp.FreePort();
        await using var app = await LoopbackApp.StartAsync(b => b.AddProductionReady(o => o.Metrics.Port = port));
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var onManagement = await management.PostAsync(new Uri("/csp-reports", UriKind.Relative), Report());
        using var onApp = await app.Client.PostAsync(new Uri("/csp-reports", UriKind.Relative), Report());

        Assert.Equal(HttpStatusCode.NotFound, onManagement.StatusCode);
        Assert.True(onApp.IsSuccessStatusCode, $"the app port's report endpoint answered {onApp.StatusCode}");
        Assert.Contains("# TYPE", await management.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_management_port_that_is_the_apps_own_port_refuses_the_start()
    {
        var port = LoopbackApp.FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration["ProductionReady:Metrics:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.AddProductionReady();

        var error = Assert.Throws<ProductionReadyConfigurationException>(() => builder.Build());
        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("ProductionReady:Metrics:Port: ", problem, StringComparison.Ordinal);
        Assert.Contains("is the only port the app listens on (from urls", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_management_port_listed_beside_the_apps_own_port_opens_it()
    {
        var port = LoopbackApp.FreePort();
        await using var app = await LoopbackApp.StartAsync(b =>
        {
            // As an app with pinned addresses (or one binding the management port to one interface) lists it.
            b.WebHost.UseUrls($"http://127.0.0.1:0;http://127.0.0.1:{port}");
            b.AddProductionReady(o => o.Metrics.Port = port);
        });
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Assert.Contains("# TYPE", await management.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_management_port_another_process_holds_refuses_the_start()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["ProductionReady:Metrics:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.AddProductionReady();

        var error = Assert.Throws<ProductionReadyConfigurationException>(() => builder.Build());
        Assert.Contains("ProductionReady:Metrics:Port: (" + port + ") is already in use", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    private static StringContent Report() => new(
        """{"csp-report":{"document-uri":"https://app.example.com/","violated-directive":"script-src","blocked-uri":"inline"}}""",
        System.Text.Encoding.UTF8,
        "application/csp-report");
}
