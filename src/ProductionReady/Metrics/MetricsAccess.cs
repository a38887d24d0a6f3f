namespace ProductionReady;

/// <summary>Who may read the Prometheus endpoint; everyone else gets 404.</summary>
public enum MetricsAccess
{
    /// <summary>Only callers whose connection comes from a loopback address (the default). Forwarded headers never count.</summary>
    LoopbackOnly,

    /// <summary>Callers whose connection comes from one of <see cref="ProductionReadyMetricsOptions.AllowedNetworks"/> (or loopback).</summary>
    Networks,

    /// <summary>Callers that satisfy the authorization policy named by <see cref="ProductionReadyMetricsOptions.AuthorizationPolicy"/>.</summary>
    AuthorizationPolicy,
}
