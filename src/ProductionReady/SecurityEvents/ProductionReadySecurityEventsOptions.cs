namespace ProductionReady;

/// <summary>
/// Security events options, bound from the <c>ProductionReady:SecurityEvents</c> configuration section and
/// validated when the host starts.
/// </summary>
/// <remarks>
/// Failed authentication (401), refused authorization (403), refused CORS preflights and CSP violations are
/// counted on the <c>productionready.security.events</c> counter and logged as one summary event per event,
/// client and window (OWASP ASVS 16.3), never one per request.
/// </remarks>
public sealed class ProductionReadySecurityEventsOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ProductionReady:SecurityEvents";

    /// <summary>False turns the capability off: nothing is counted or summarised.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long one client's events of one kind are summed before the summary is logged. Default 10 seconds,
    /// between 1 second and 1 hour.
    /// </summary>
    public TimeSpan SummaryWindow { get; set; } = TimeSpan.FromSeconds(10);
}
