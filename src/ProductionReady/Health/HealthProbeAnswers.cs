using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductionReady.Common;

namespace ProductionReady.Health;

/// <summary>
/// What the liveness, readiness and startup probes answer, whatever carries the question: the HTTP probe
/// paths (<see cref="ProbeMiddleware"/>) and gRPC's <c>grpc.health.v1.Health</c> service (ProductionReady.Grpc).
/// </summary>
internal sealed class HealthProbeAnswers : IHealthProbes
{
    private readonly ApplicationAvailability _availability;
    private readonly HealthEvaluations _evaluations;

    public HealthProbeAnswers(ApplicationAvailability availability, HealthEvaluations evaluations)
    {
        _availability = availability;
        _evaluations = evaluations;
    }

    /// <summary>Liveness: Unhealthy once the app declared itself broken or a check tagged <c>live</c> fails.</summary>
    public async ValueTask<(HealthStatus Status, ProbeReason Reason)> LiveAsync()
    {
        if (_availability.IsBroken)
        {
            return (HealthStatus.Unhealthy, ProbeReason.Broken);
        }

        var live = _evaluations.Live;
        if (live.Registrations.Count == 0)
        {
            return (HealthStatus.Healthy, ProbeReason.Checks);
        }

        return ((await live.GetAsync().ConfigureAwait(false)).Status, ProbeReason.Checks);
    }

    /// <summary>Readiness: Unhealthy while starting, while stopping, and when a check tagged <c>ready</c> is Unhealthy.</summary>
    public async ValueTask<(HealthStatus Status, ProbeReason Reason)> ReadyAsync()
    {
        switch (_availability.Phase)
        {
            case ApplicationPhase.Starting:
                return (HealthStatus.Unhealthy, ProbeReason.Starting);
            case ApplicationPhase.Stopping:
                return (HealthStatus.Unhealthy, ProbeReason.Stopping);
        }

        if (!_availability.IsStartupComplete)
        {
            return (HealthStatus.Unhealthy, _availability.StartupFailed ? ProbeReason.StartupFailed : ProbeReason.StartupPending);
        }

        var ready = _evaluations.Ready;
        if (ready.Registrations.Count == 0)
        {
            return (HealthStatus.Healthy, ProbeReason.Checks);
        }

        return ((await ready.GetAsync().ConfigureAwait(false)).Status, ProbeReason.Checks);
    }

    /// <inheritdoc/>
    public async ValueTask<HealthStatus> CheckAsync(HealthProbe probe) => probe switch
    {
        HealthProbe.Live => (await LiveAsync().ConfigureAwait(false)).Status,
        HealthProbe.Ready => (await ReadyAsync().ConfigureAwait(false)).Status,
        HealthProbe.Startup => Startup().Status,
        _ => throw new ArgumentOutOfRangeException(nameof(probe), probe, "Ask for Live, Ready or Startup."),
    };

    /// <inheritdoc/>
    public void MarkAsProbe(HttpContext context, HealthProbe probe) => context.Features.Set(probe switch
    {
        HealthProbe.Live => ProbeRequestFeature.Live,
        HealthProbe.Ready => ProbeRequestFeature.Ready,
        _ => ProbeRequestFeature.Startup,
    });

    /// <summary>Startup: Unhealthy until the host has started and every startup work item has completed.</summary>
    public (HealthStatus Status, ProbeReason Reason) Startup()
    {
        if (_availability.IsStartupComplete)
        {
            return (HealthStatus.Healthy, ProbeReason.Checks);
        }

        return (HealthStatus.Unhealthy, _availability.Phase == ApplicationPhase.Starting
            ? ProbeReason.Starting
            : _availability.StartupFailed ? ProbeReason.StartupFailed : ProbeReason.StartupPending);
    }
}
