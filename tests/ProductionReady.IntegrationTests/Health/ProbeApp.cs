using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Health;

/// <summary>An app with the health probes on Kestrel at 127.0.0.1 on a free port, in this process.</summary>
internal sealed class ProbeApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProbeApp(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ProbeApp> StartAsync(Action<ProductionReadyHealthOptions>? options = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddProductionReadyHealth(o =>
        {
            o.DrainDelay = TimeSpan.Zero;
            options?.Invoke(o);
        });
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseProductionReadyHealth();
        app.MapGet("/", () => "ok");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProbeApp(app, new Uri(address));
    }

    public async Task<HttpStatusCode> GetStatusAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>Polls until <paramref name="path"/> answers <paramref name="expected"/>; fails with the last answer.</summary>
    public async Task WaitForStatusAsync(string path, HttpStatusCode expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = default(HttpStatusCode);
        while (DateTime.UtcNow < deadline)
        {
            last = await GetStatusAsync(path);
            if (last == expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{path} still answers {(int)last} after {timeout}, expected {(int)expected}.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
