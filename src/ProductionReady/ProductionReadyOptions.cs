namespace ProductionReady;

/// <summary>
/// Root options of ProductionReady, bound from the <c>ProductionReady</c> configuration section.
/// Each capability has its own options object, bound from its own sub-section
/// (<c>ProductionReady:Health</c>, <c>ProductionReady:Logging</c>, <c>ProductionReady:Secrets</c>,
/// <c>ProductionReady:SecurityHeaders</c>, <c>ProductionReady:Metrics</c>, <c>ProductionReady:RateLimits</c>, …,
/// <c>ProductionReady:Info</c>, <c>ProductionReady:SecurityEvents</c>, <c>ProductionReady:Resilience</c>).
/// </summary>
/// <remarks>
/// The lambda passed to <c>AddProductionReady</c> runs once, after every section has been bound (so code
/// wins over configuration), on a root whose sub-objects (<see cref="Health"/>, <see cref="Logging"/>, …,
/// <see cref="Info"/>, <see cref="SecurityEvents"/>, <see cref="Resilience"/>) are the very options instances the
/// capabilities then use. It runs again only if the configuration reloads.
/// </remarks>
public sealed class ProductionReadyOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "ProductionReady";

    /// <summary>
    /// The service name reported by the health report and on every log event.
    /// Defaults to the host's application name.
    /// </summary>
    public string? ServiceName { get; set; }

    /// <summary>Health probe options (<c>ProductionReady:Health</c>).</summary>
    public ProductionReadyHealthOptions Health { get; internal set; } = new();

    /// <summary>Logging options (<c>ProductionReady:Logging</c>).</summary>
    public ProductionReadyLoggingOptions Logging { get; internal set; } = new();

    /// <summary>Secret validation options (<c>ProductionReady:Secrets</c>).</summary>
    public ProductionReadySecretsOptions Secrets { get; internal set; } = new();

    /// <summary>Security header options (<c>ProductionReady:SecurityHeaders</c>).</summary>
    public ProductionReadySecurityHeadersOptions SecurityHeaders { get; internal set; } = new();

    /// <summary>Metrics options (<c>ProductionReady:Metrics</c>).</summary>
    public ProductionReadyMetricsOptions Metrics { get; internal set; } = new();

    /// <summary>Rate-limit presets (<c>ProductionReady:RateLimits</c>).</summary>
    public ProductionReadyRateLimitsOptions RateLimits { get; internal set; } = new();

    /// <summary>Trusted proxies whose forwarded headers are applied (<c>ProductionReady:ForwardedHeaders</c>).</summary>
    public ProductionReadyForwardedHeadersOptions ForwardedHeaders { get; internal set; } = new();

    /// <summary>The default CORS policy (<c>ProductionReady:Cors</c>).</summary>
    public ProductionReadyCorsOptions Cors { get; internal set; } = new();

    /// <summary>Outbound resilience: the standard resilience handler on every <c>HttpClient</c> (<c>ProductionReady:Resilience</c>).</summary>
    public ProductionReadyResilienceOptions Resilience { get; internal set; } = new();

    /// <summary>The insiders' info endpoint and run-time log levels (<c>ProductionReady:Info</c>).</summary>
    public ProductionReadyInfoOptions Info { get; internal set; } = new();

    /// <summary>Security events: counted and summarised per client and window (<c>ProductionReady:SecurityEvents</c>).</summary>
    public ProductionReadySecurityEventsOptions SecurityEvents { get; internal set; } = new();
}
