using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductionReady;

/// <summary>
/// The answers of the liveness, readiness and startup probes, for a protocol other than the HTTP probe paths to carry
/// (ProductionReady.Grpc's <c>grpc.health.v1.Health</c>): the same availability, startup work and cached, single-flight
/// checks the probe paths answer from. Registered by <c>builder.AddProductionReadyHealth()</c> (or <c>AddProductionReady()</c>).
/// </summary>
public interface IHealthProbes
{
    /// <summary>The probe's answer now: <see cref="HealthStatus.Healthy"/> or <see cref="HealthStatus.Degraded"/> serve, <see cref="HealthStatus.Unhealthy"/> does not.</summary>
    /// <param name="probe">The probe asked.</param>
    /// <returns>The probe's status.</returns>
    ValueTask<HealthStatus> CheckAsync(HealthProbe probe);

    /// <summary>Marks <paramref name="context"/> as probe traffic: request logging leaves it out, as it does the probe paths.</summary>
    /// <param name="context">The request carrying the probe.</param>
    /// <param name="probe">The probe asked.</param>
    void MarkAsProbe(HttpContext context, HealthProbe probe);
}
