namespace ProductionReady;

/// <summary>Who may use the info endpoint; everyone else gets 404.</summary>
public enum InfoAccess
{
    /// <summary>Only callers whose connection comes from a loopback address (the default). Forwarded headers never count.</summary>
    LoopbackOnly,

    /// <summary>Callers whose connection comes from one of <see cref="ProductionReadyInfoOptions.AllowedNetworks"/> (or loopback).</summary>
    Networks,

    /// <summary>Callers that satisfy the authorization policy named by <see cref="ProductionReadyInfoOptions.AuthorizationPolicy"/>.</summary>
    AuthorizationPolicy,
}
