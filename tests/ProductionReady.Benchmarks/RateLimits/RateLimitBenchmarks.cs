using System.Net;
using System.Threading.RateLimiting;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProductionReady.RateLimits;

namespace ProductionReady.Benchmarks.RateLimits;

/// <summary>
/// Per-request cost of a rate-limit lease on a partitioned policy, on a request the limit lets through:
/// the framework's rate-limiting middleware in front of an endpoint that names the policy, the client's
/// bucket already created (a returning client). Baseline: the same endpoint without the middleware.
/// For comparison, the usual hand-written policy keyed by <c>RemoteIpAddress.ToString()</c>, and the floor: a
/// framework policy keyed by the <c>IPAddress</c> object with no user or exemption check. The limit
/// is set so high that no request is rejected during a run.
/// </summary>
[MemoryDiagnoser]
public class RateLimitBenchmarks
{
    private static readonly ProductionReadyRateLimitPolicyOptions Unreachable = new() { PermitsPerSecond = 1_000_000_000, Burst = 1_000_000_000 };
    private readonly DefaultHttpContext _context = new();
    private RequestDelegate _bare = null!;
    private RequestDelegate _preset = null!;
    private RequestDelegate _handWritten = null!;
    private RequestDelegate _frameworkMinimal = null!;
    private ServiceProvider _services = null!;
    private Endpoint _presetEndpoint = null!;
    private Endpoint _handWrittenEndpoint = null!;
    private Endpoint _frameworkMinimalEndpoint = null!;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddMetrics();
        services.AddRateLimiter(o =>
        {
            // Runs when the middleware first reads the options, after the container below is built.
            var meterFactory = _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
            var rejections = new RateLimitRejections(meterFactory, new RateLimitRejectionLog(Options.Create(new ProductionReadyRateLimitsOptions()), NullLoggerFactory.Instance, TimeProvider.System));
            o.AddPolicy("api", new RateLimitPresetPolicy("api", Unreachable, enabled: true, new LocalRateLimiterStore(), new RateLimitExemptions([new ReservedPaths()]), rejections));
            o.AddPolicy("by-address-string", context => RateLimitPartition.GetTokenBucketLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => BigBucket()));
            o.AddPolicy("by-address-object", context => RateLimitPartition.GetTokenBucketLimiter<object>(
                context.Connection.RemoteIpAddress ?? (object)"unknown",
                _ => BigBucket()));
        });
        _services = services.BuildServiceProvider();

        RequestDelegate endpoint = static _ => Task.CompletedTask;
        _bare = endpoint;
        _preset = Pipeline(endpoint);
        _handWritten = Pipeline(endpoint);
        _frameworkMinimal = Pipeline(endpoint);

        _context.RequestServices = _services;
        _context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        _presetEndpoint = new Endpoint(endpoint, new EndpointMetadataCollection(new EnableRateLimitingAttribute("api")), "api");
        _handWrittenEndpoint = new Endpoint(endpoint, new EndpointMetadataCollection(new EnableRateLimitingAttribute("by-address-string")), "by-address-string");
        _frameworkMinimalEndpoint = new Endpoint(endpoint, new EndpointMetadataCollection(new EnableRateLimitingAttribute("by-address-object")), "by-address-object");

        // Create the client's bucket, as a returning client has one.
        Preset().GetAwaiter().GetResult();
        HandWritten().GetAwaiter().GetResult();
        FrameworkMinimal().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "endpoint alone (no rate limiter)")]
    public Task Bare()
    {
        _context.SetEndpoint(_presetEndpoint);
        return _bare(_context);
    }

    [Benchmark(Description = "preset 'api' (per client, partition key = the IPAddress)")]
    public Task Preset()
    {
        _context.SetEndpoint(_presetEndpoint);
        return _preset(_context);
    }

    [Benchmark(Description = "hand-written policy keyed by RemoteIpAddress.ToString()")]
    public Task HandWritten()
    {
        _context.SetEndpoint(_handWrittenEndpoint);
        return _handWritten(_context);
    }

    [Benchmark(Description = "framework policy keyed by the IPAddress, nothing else (the floor)")]
    public Task FrameworkMinimal()
    {
        _context.SetEndpoint(_frameworkMinimalEndpoint);
        return _frameworkMinimal(_context);
    }

    private static TokenBucketRateLimiterOptions BigBucket() => new() { TokenLimit = 2_000_000_000, TokensPerPeriod = 1_000_000_000, ReplenishmentPeriod = TimeSpan.FromSeconds(1), AutoReplenishment = false };

    private RequestDelegate Pipeline(RequestDelegate endpoint)
    {
        var app = new ApplicationBuilder(_services);
        app.UseRateLimiter();
        app.Run(endpoint);
        return app.Build();
    }

    /// <summary>The paths an app with the defaults reserves: four health paths and the CSP report endpoint.</summary>
    private sealed class ReservedPaths : ProductionReady.Common.IReservedPaths
    {
        public IEnumerable<ProductionReady.Common.ReservedPath> GetReservedPaths() =>
        [
            new("/health/live", "k"), new("/health/ready", "k"), new("/health/startup", "k"), new("/health", "k"), new("/csp-reports", "k"),
        ];
    }
}
