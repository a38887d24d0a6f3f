namespace ProductionReady;

/// <summary>Who may see per-check details (entries, descriptions, data) in the overall health report.</summary>
public enum HealthReportDetails
{
    /// <summary>Only callers connecting from a loopback address (the default).</summary>
    LoopbackOnly,

    /// <summary>Callers that satisfy the authorization policy named by <see cref="ProductionReadyHealthOptions.ReportDetailsPolicy"/>.</summary>
    AuthorizationPolicy,

    /// <summary>Every caller. Only for services that are never exposed beyond a trusted network.</summary>
    Everyone,

    /// <summary>Nobody: the report always carries the status alone.</summary>
    Nobody,
}
