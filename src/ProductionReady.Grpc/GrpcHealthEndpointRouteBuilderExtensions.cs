using Microsoft.AspNetCore.Routing;
using ProductionReady.Grpc;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the standard gRPC health service on the ProductionReady probes.</summary>
public static class GrpcHealthEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>grpc.health.v1.Health</c> (<c>Check</c> and <c>Watch</c>), answered from the same probes as the
    /// HTTP probe paths: the service name <c>live</c>, <c>ready</c> or <c>startup</c> picks the probe, and <c>""</c>
    /// is readiness. For Kubernetes' native probe: <c>readinessProbe: { grpc: { port: 8080, service: ready } }</c>.
    /// Needs <c>builder.AddProductionReady()</c> (or <c>AddProductionReadyHealth()</c>) and
    /// <c>builder.Services.AddGrpc()</c>.
    /// </summary>
    /// <param name="endpoints">The app's endpoint route builder.</param>
    /// <returns>The service's convention builder.</returns>
    public static GrpcServiceEndpointConventionBuilder MapProductionReadyGrpcHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGrpcService<GrpcHealthService>();
    }
}
