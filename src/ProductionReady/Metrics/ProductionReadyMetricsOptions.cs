namespace ProductionReady;

/// <summary>
/// Metrics options, bound from the <c>ProductionReady:Metrics</c> configuration section and validated
/// when the host starts.
/// </summary>
/// <remarks>
/// The Prometheus endpoint answers only the callers <see cref="Access"/> allows; everyone else gets 404,
/// as if it did not exist. OTLP export switches on with the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// variable, independent of these options.
/// </remarks>
public sealed class ProductionReadyMetricsOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ProductionReady:Metrics";

    /// <summary>The default path of the Prometheus endpoint.</summary>
    public const string DefaultPath = "/metrics";

    /// <summary>False turns the whole capability off: no meters are collected and no endpoint answers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The path of the Prometheus text exposition. Default <c>/metrics</c>.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>
    /// Optional management port: when set, the endpoint is answered only on this port (Kestrel also listens
    /// on it, on every interface) and the port answers nothing else. Unset: the app's own port.
    /// </summary>
    public int? Port { get; set; }

    /// <summary>Who may read the endpoint. Default: callers connecting from this machine.</summary>
    public MetricsAccess Access { get; set; } = MetricsAccess.LoopbackOnly;

    /// <summary>
    /// With <see cref="MetricsAccess.Networks"/>: the networks (CIDR such as <c>10.0.0.0/8</c>, or single
    /// addresses) whose connections may read the endpoint, judged on the connection's own peer.
    /// </summary>
    public IList<string> AllowedNetworks { get; } = new List<string>();

    /// <summary>
    /// Why letting every address read the metrics (<c>0.0.0.0/0</c>, <c>::/0</c> in <see cref="AllowedNetworks"/>) is
    /// right for this deployment. Outside Development such an entry is refused at startup unless a reason is given.
    /// </summary>
    public string? AllowAnyAddressReason { get; set; }

    /// <summary>With <see cref="MetricsAccess.AuthorizationPolicy"/>: the policy a caller must satisfy.</summary>
    public string? AuthorizationPolicy { get; set; }

    /// <summary>
    /// Whether the OTLP exporter is switched on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Default true;
    /// set false when the app calls <c>UseOtlpExporter()</c> itself after <c>AddProductionReady()</c>.
    /// </summary>
    public bool Otlp { get; set; } = true;
}
