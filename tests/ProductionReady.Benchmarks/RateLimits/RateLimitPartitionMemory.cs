using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProductionReady.RateLimits;
using System.Threading.RateLimiting;

namespace ProductionReady.Benchmarks.RateLimits;

/// <summary>
/// What the rate-limit partitions cost in managed memory: <c>distinct</c> clients, one request each,
/// through the framework's rate-limiting middleware with the <c>auth</c> preset on the endpoint and the
/// global limit on (two partitions per client), then the managed heap (after a full, compacting GC)
/// compared with before; then again once the framework has dropped the idle partitions (10 s after their
/// bucket is full). Run with the bound (<see cref="RateLimitPartitionBudget.DefaultMaxPartitions"/>) and
/// without it (what the code did before the bound). Not a BenchmarkDotNet benchmark: it measures what is
/// retained, not time.
/// <c>dotnet run -c Release --project tests/ProductionReady.Benchmarks -- partition-memory [distinct=300000]</c>
/// </summary>
internal static class RateLimitPartitionMemory
{
    public static async Task RunAsync(int distinct)
    {
        foreach (var (label, max) in new[] { ("bounded (100,000 partitions)", RateLimitPartitionBudget.DefaultMaxPartitions), ("unbounded (before)", int.MaxValue) })
        {
            await MeasureAsync(label, max, distinct);
        }
    }

    private static async Task MeasureAsync(string label, int maxPartitions, int distinct)
    {
        var store = new LocalRateLimiterStore(new RateLimitPartitionBudget(maxPartitions));
        var auth = new ProductionReadyRateLimitPolicyOptions { PermitsPerSecond = 5, Burst = 5 };
        var global = new ProductionReadyRateLimitPolicyOptions { PermitsPerSecond = 100, Burst = 100 };
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddMetrics();
        services.AddProblemDetails();
        ServiceProvider provider = null!;
        services.AddRateLimiter(o =>
        {
            var meters = provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
            var rejections = new RateLimitRejections(meters, new RateLimitRejectionLog(Options.Create(new ProductionReadyRateLimitsOptions()), NullLoggerFactory.Instance, TimeProvider.System));
            var exemptions = new RateLimitExemptions([]);
            o.AddPolicy("auth", new RateLimitPresetPolicy("auth", auth, enabled: true, store, exemptions, rejections));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, object>(new RateLimitPresetPolicy("global", global, enabled: true, store, exemptions, rejections).GetPartition);
        });
        provider = services.BuildServiceProvider();
        var app = new ApplicationBuilder(provider);
        app.UseRateLimiter();
        app.Run(static _ => Task.CompletedTask);
        var pipeline = app.Build();
        var endpoint = new Endpoint(static _ => Task.CompletedTask, new EndpointMetadataCollection(new EnableRateLimitingAttribute("auth")), "auth");

        // One client first, so the middleware, its options and the code paths exist before the baseline.
        await SendAsync(provider, pipeline, endpoint, IPAddress.Parse("192.0.2.1"));
        var before = Heap();
        var bytes = new byte[4];
        for (var i = 0; i < distinct; i++)
        {
            bytes[0] = 10;
            bytes[1] = (byte)(i >> 16);
            bytes[2] = (byte)(i >> 8);
            bytes[3] = (byte)i;
            await SendAsync(provider, pipeline, endpoint, new IPAddress(bytes));
        }

        var loaded = Heap();
        var partitions = store.Partitions.Count;

        // The framework drops a partition 10 s after its bucket is full again (refilled within 1-2 s).
        await Task.Delay(TimeSpan.FromSeconds(14));
        var idle = Heap();
        Console.WriteLine($"{label}: {distinct:N0} distinct clients, {partitions:N0} partitions live; managed heap +{(loaded - before) / 1048576.0:0.0} MB loaded, +{(idle - before) / 1048576.0:0.0} MB after 14 s idle ({store.Partitions.Count:N0} partitions)");
        await provider.DisposeAsync();
    }

    private static Task SendAsync(IServiceProvider services, RequestDelegate pipeline, Endpoint endpoint, IPAddress client)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Connection.RemoteIpAddress = client;
        context.SetEndpoint(endpoint);
        return pipeline(context);
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
