using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProductionReady.Health;

namespace ProductionReady.Benchmarks.Health;

/// <summary>
/// The probe middleware's own cost per request, in memory (no sockets, no Kestrel), against a
/// terminal delegate writing "ok" the way a bare MapGet endpoint does. Complements the loopback
/// wrk script (tests/benchmarks/health-wrk.sh), whose figures a shared machine makes noisy.
/// dotnet run -c Release --project tests/ProductionReady.Benchmarks -- --filter '*ProbeMiddleware*'
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ProbeMiddlewareBenchmarks
{
    private IHost _host = null!;
    private ProbeMiddleware _middleware = null!;
    private DefaultHttpContext _bare = null!;
    private DefaultHttpContext _live = null!;
    private DefaultHttpContext _ready = null!;
    private DefaultHttpContext _passThrough = null!;

    [GlobalSetup]
    public void Setup()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.AddProductionReadyHealth(o =>
        {
            o.DrainDelay = TimeSpan.Zero;
            o.CacheDuration = TimeSpan.FromMinutes(5);
        });
        builder.Services.AddHealthChecks().AddCheck("db", () => HealthCheckResult.Healthy(), tags: [HealthCheckTags.Ready]);
        _host = builder.Build();
        _host.Start();

        _middleware = ActivatorUtilities.CreateInstance<ProbeMiddleware>(_host.Services, (RequestDelegate)(_ => Task.CompletedTask));
        _bare = Context("/");
        _live = Context(ProductionReadyHealthOptions.DefaultLivePath);
        _ready = Context(ProductionReadyHealthOptions.DefaultReadyPath);
        _passThrough = Context("/api/orders");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }

    [Benchmark(Baseline = true, Description = "bare: write \"ok\"")]
    public Task Bare()
    {
        _bare.Response.StatusCode = StatusCodes.Status200OK;
        _bare.Response.ContentType = "text/plain; charset=utf-8";
        return _bare.Response.WriteAsync("ok");
    }

    [Benchmark(Description = "/health/live")]
    public Task Live() => _middleware.InvokeAsync(_live);

    [Benchmark(Description = "/health/ready (cached)")]
    public Task Ready() => _middleware.InvokeAsync(_ready);

    [Benchmark(Description = "other path (pass-through)")]
    public Task PassThrough() => _middleware.InvokeAsync(_passThrough);

    private static DefaultHttpContext Context(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = path;
        context.Response.Body = Stream.Null;
        return context;
    }
}
