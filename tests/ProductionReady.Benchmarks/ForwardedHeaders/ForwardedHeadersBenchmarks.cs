using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProductionReady.ForwardedHeaders;

namespace ProductionReady.Benchmarks.ForwardedHeaders;

/// <summary>
/// Per-request cost of the trusted-proxies middleware (the framework's ForwardedHeadersMiddleware restricted
/// to our list, as UseProductionReady installs it). One context is reused; every benchmark, the baseline
/// included, resets the connection address and the forwarded headers first, so the differences are the
/// middleware's own cost. Pass-through: a client calling the app directly (its peer is not a proxy, the
/// request carries no forwarded header). Through the proxy: the peer is trusted and X-Forwarded-For and
/// X-Forwarded-Proto are applied.
/// </summary>
[MemoryDiagnoser]
public class ForwardedHeadersBenchmarks
{
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.9");
    private static readonly IPAddress Proxy = IPAddress.Parse("10.244.1.7");
    private readonly DefaultHttpContext _context = new();
    private RequestDelegate _bare = null!;
    private RequestDelegate _forwarded = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = Options.Create(new ProductionReadyForwardedHeadersOptions { TrustedProxies = ["10.244.0.0/16"] });
        var pipeline = new ForwardedHeadersPipeline(new TrustedProxyList(options), options, NullLoggerFactory.Instance);
        RequestDelegate endpoint = static c =>
        {
            c.Response.StatusCode = 200;
            return Task.CompletedTask;
        };
        _bare = endpoint;
        _forwarded = pipeline.Create(endpoint);
        _context.Request.Host = new HostString("api.example.com");
    }

    [Benchmark(Baseline = true, Description = "pass-through, no middleware")]
    public Task Bare() => Direct(_bare);

    [Benchmark(Description = "pass-through, trusted proxies on")]
    public Task PassThrough() => Direct(_forwarded);

    [Benchmark(Description = "through a trusted proxy (XFF + XFP applied)")]
    public Task ThroughProxy()
    {
        _context.Connection.RemoteIpAddress = Proxy;
        _context.Request.Scheme = "http";
        var headers = _context.Request.Headers;
        headers["X-Forwarded-For"] = "203.0.113.9";
        headers["X-Forwarded-Proto"] = "https";
        return _forwarded(_context);
    }

    private Task Direct(RequestDelegate app)
    {
        _context.Connection.RemoteIpAddress = Client;
        _context.Request.Scheme = "http";
        return app(_context);
    }
}
