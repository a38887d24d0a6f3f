using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProductionReady.Metrics;

namespace ProductionReady.Benchmarks.Metrics;

/// <summary>
/// The metrics' cost per request in memory (TestServer: the host's own request path, so ASP.NET Core's
/// HTTP metrics are recorded when listened to; no sockets). "off": the same app with
/// ProductionReady:Metrics:Enabled=false (no OpenTelemetry pipeline). Also the gate middleware alone on a
/// pass-through request. Complements tests/benchmarks/metrics-wrk.sh.
/// dotnet run -c Release --project tests/ProductionReady.Benchmarks -- --filter '*MetricsPipeline*'
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class MetricsPipelineBenchmarks
{
    private WebApplication _off = null!;
    private WebApplication _on = null!;
    private TestServer _offServer = null!;
    private TestServer _onServer = null!;
    private MetricsEndpointGate _gate = null!;
    private DefaultHttpContext _passThrough = null!;
    private RequestDelegate _next = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_off, _offServer) = Start(enabled: false);
        (_on, _onServer) = Start(enabled: true);
        _gate = _on.Services.GetRequiredService<MetricsEndpointGate>();
        _passThrough = new DefaultHttpContext();
        _passThrough.Request.Path = "/api/orders";
        _next = static _ => Task.CompletedTask;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var app in new[] { _off, _on })
        {
            app.StopAsync().GetAwaiter().GetResult();
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Baseline = true, Description = "GET / metrics off")]
    public Task<HttpContext> Off() => _offServer.SendAsync(static c => c.Request.Path = "/");

    [Benchmark(Description = "GET / metrics on")]
    public Task<HttpContext> On() => _onServer.SendAsync(static c => c.Request.Path = "/");

    [Benchmark(Description = "gate middleware, pass-through")]
    public Task Gate() => _gate.InvokeAsync(_passThrough, _next);

    private static (WebApplication App, TestServer Server) Start(bool enabled)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration["ProductionReady:Metrics:Enabled"] = enabled ? "true" : "false";
        builder.AddProductionReadyMetrics();
        var app = builder.Build();
        app.UseProductionReadyMetrics();
        app.MapGet("/", () => "ok");
        app.StartAsync().GetAwaiter().GetResult();
        return (app, app.GetTestServer());
    }
}
