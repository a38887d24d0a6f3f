using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging.Testing;
using ProductionReady;

namespace ProductionReady.Tests.Headers;

/// <summary>A WebApplication on TestServer with the security headers, its log events captured.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app, FakeLogCollector logs, string contentRoot)
    {
        _app = app;
        Logs = logs;
        ContentRoot = contentRoot;
    }

    /// <summary>Every log event, with its structured properties (values as strings).</summary>
    public FakeLogCollector Logs { get; }

    public string ContentRoot { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Builds and starts the app: <paramref name="pipeline"/> adds what comes after the headers middleware.</summary>
    public static async Task<TestApp> StartAsync(
        Action<ProductionReadySecurityHeadersOptions>? configure,
        Action<WebApplication> pipeline,
        string environment = "Development",
        Action<WebApplicationBuilder>? setup = null,
        Action<WebApplication>? beforeHeaders = null)
    {
        var contentRoot = Directory.CreateTempSubdirectory("pr-headers-").FullName;
        Directory.CreateDirectory(Path.Combine(contentRoot, "wwwroot"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = contentRoot,
            WebRootPath = Path.Combine(contentRoot, "wwwroot"),
        });
        builder.WebHost.UseTestServer();
        var logs = new FakeLogCollector();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(new FakeLoggerProvider(logs));
        setup?.Invoke(builder);
        builder.AddProductionReadySecurityHeaders(configure);
        var app = builder.Build();
        beforeHeaders?.Invoke(app);
        app.UseProductionReadySecurityHeaders();
        pipeline(app);
        await app.StartAsync();
        return new TestApp(app, logs, contentRoot);
    }

    public HttpClient CreateClient(string baseAddress = "http://service.test/")
    {
        var client = _app.GetTestClient();
        client.BaseAddress = new Uri(baseAddress);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
        catch (IOException)
        {
            // A temp dir left behind is harmless.
        }
    }
}
