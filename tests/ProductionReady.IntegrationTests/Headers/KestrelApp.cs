using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging.Testing;
using ProductionReady;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Headers;

/// <summary>A WebApplication on real Kestrel at http://127.0.0.1:{free port}, its log events captured.</summary>
internal sealed class KestrelApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelApp(WebApplication app, int port, FakeLogCollector logs)
    {
        _app = app;
        Origin = $"http://127.0.0.1:{port}";
        Logs = logs;
    }

    public string Origin { get; }

    /// <summary>The app's log events at Information and above, with their structured properties (values as strings).</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>Starts an app; <paramref name="withSecurityHeaders"/> false gives a plain app (the "other origin").</summary>
    public static async Task<KestrelApp> StartAsync(bool withSecurityHeaders, Action<WebApplication> map, Action<ProductionReadySecurityHeadersOptions>? configure = null)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var logs = new FakeLogCollector();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new FakeLoggerProvider(logs));
        if (withSecurityHeaders)
        {
            builder.AddProductionReadySecurityHeaders(configure);
        }

        var app = builder.Build();
        if (withSecurityHeaders)
        {
            app.UseProductionReadySecurityHeaders();
        }

        map(app);
        await app.StartAsync();
        return new KestrelApp(app, port, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
