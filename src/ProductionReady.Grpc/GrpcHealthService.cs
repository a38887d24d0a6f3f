using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductionReady.Grpc;

/// <summary>
/// <c>grpc.health.v1.Health</c> answered from the probes themselves (availability, startup work, the cached
/// single-flight checks), so that a Kubernetes <c>grpc:</c> probe sees what <c>httpGet</c> on the probe paths
/// would. The service name picks the probe: <c>live</c>, <c>ready</c>, <c>startup</c>, and <c>""</c> (the
/// server as a whole, gRPC's convention) is readiness. Healthy and Degraded are SERVING; Unhealthy is NOT_SERVING.
/// </summary>
internal sealed class GrpcHealthService : global::Grpc.Health.V1.Health.HealthBase
{
    /// <summary>How often <c>Watch</c> looks again (the answers are cached for about as long).</summary>
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);

    private readonly IHealthProbes _probes;
    private readonly TimeProvider _time;

    public GrpcHealthService(IHealthProbes probes, TimeProvider time)
    {
        _probes = probes;
        _time = time;
    }

    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var probe = Probe(request.Service);
        MarkAsProbe(context, probe);
        return new HealthCheckResponse { Status = await StatusAsync(probe).ConfigureAwait(false) };
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        var probe = Probe(request.Service);
        MarkAsProbe(context, probe);
        HealthCheckResponse.Types.ServingStatus? sent = null;
        try
        {
            while (!context.CancellationToken.IsCancellationRequested)
            {
                var status = await StatusAsync(probe).ConfigureAwait(false);
                if (status != sent)
                {
                    await responseStream.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken).ConfigureAwait(false);
                    sent = status;
                }

                await Task.Delay(WatchInterval, _time, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away: the watch ends.
        }
    }

    private static HealthProbe Probe(string service) => service switch
    {
        "" or "ready" => HealthProbe.Ready,
        "live" => HealthProbe.Live,
        "startup" => HealthProbe.Startup,
        _ => throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service '{service}': ask for \"live\", \"ready\", \"startup\" or \"\" (readiness).")),
    };

    // Probe traffic is not request traffic: no completion event per kubelet call, as for the HTTP probe paths.
    private void MarkAsProbe(ServerCallContext context, HealthProbe probe) =>
        _probes.MarkAsProbe(context.GetHttpContext(), probe);

    private async ValueTask<HealthCheckResponse.Types.ServingStatus> StatusAsync(HealthProbe probe)
    {
        var status = await _probes.CheckAsync(probe).ConfigureAwait(false);
        return status == HealthStatus.Unhealthy
            ? HealthCheckResponse.Types.ServingStatus.NotServing
            : HealthCheckResponse.Types.ServingStatus.Serving;
    }
}
