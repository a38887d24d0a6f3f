using Microsoft.Extensions.Options;
using ProductionReady.Common;
using ProductionReady.Metrics;

namespace ProductionReady.Tests.Metrics;

/// <summary>The gate's per-request decision on the management port costs no allocation, whatever it decides.</summary>
public sealed class MetricsEndpointGateTests
{
    private const int ManagementPort = 9464;
    private static readonly RequestDelegate Next = _ => Task.CompletedTask;

    [Theory]
    [InlineData("/info", 200)] // an insiders' path: let through
    [InlineData("/orders", 404)] // anything else: closed
    public void Closing_the_management_port_allocates_nothing(string path, int status)
    {
        var gate = new MetricsEndpointGate(Options.Create(new ProductionReadyMetricsOptions { Port = ManagementPort }), [new InfoPaths()]);
        var context = new DefaultHttpContext();
        context.Connection.LocalPort = ManagementPort;
        context.Request.Path = path;

        // Once for the JIT and the features' first lookups; then the steady state of a request.
        Assert.True(gate.CloseManagementPortAsync(context, Next).IsCompletedSuccessfully);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _ = gate.CloseManagementPortAsync(context, Next);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(status, context.Response.StatusCode);
        Assert.True(allocated == 0, $"100 requests to the management port allocated {allocated} bytes.");
    }

    private sealed class InfoPaths : IManagementPortPaths
    {
        public bool Answers(PathString path) => path.StartsWithSegments("/info", StringComparison.OrdinalIgnoreCase);
    }
}
