namespace ProductionReady;

/// <summary>Logging options. Bound from the <c>ProductionReady:Logging</c> configuration section.</summary>
/// <remarks>
/// Levels are not set here: they come from the standard <c>Logging:LogLevel</c> section (with its
/// per-category overrides), and from a <c>Serilog</c> section when there is one.
/// </remarks>
public sealed class ProductionReadyLoggingOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ProductionReady:Logging";

    /// <summary>
    /// The output format. <see cref="LogFormat.Auto"/> (the default): readable, colored text in the
    /// Development environment, CLEF JSON on stdout in every other environment.
    /// </summary>
    public LogFormat Format { get; set; } = LogFormat.Auto;

    /// <summary>
    /// With CLEF, write the rendered message (<c>@m</c>) and a template hash (<c>@i</c>) instead of the
    /// template (<c>@mt</c>), for log stores that do not render message templates. Default <c>false</c>.
    /// </summary>
    public bool RenderMessage { get; set; }

    /// <summary>
    /// Requests slower than this are logged at Warning. Default one second.
    /// Configuration: <c>"SlowRequestThreshold": "00:00:00.500"</c>.
    /// </summary>
    public TimeSpan SlowRequestThreshold { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// More paths (exact, case-insensitive) whose requests get a request id but no completion event, e.g. an
    /// app's own ping endpoint. Empty by default: the health probes are never logged, whatever their paths,
    /// because the probe middleware marks them as probes.
    /// </summary>
    public IList<string> ExcludedPaths { get; } = [];

    /// <summary>
    /// Whether events are written to stdout (CLEF, or text in Development). Default <c>true</c>. Set
    /// <c>false</c> where the collector is the only log store: refused at startup unless <see cref="Otlp"/> is on
    /// and <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, so events always go somewhere.
    /// </summary>
    public bool Stdout { get; set; } = true;

    /// <summary>
    /// Whether events go to OpenTelemetry's logger provider, which exports them over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (masked, with their properties as attributes, trace and span ids,
    /// and the service's resource). Default <c>true</c>. <c>false</c> keeps them on stdout only; metrics and
    /// traces are still exported.
    /// </summary>
    public bool Otlp { get; set; } = true;

    /// <summary>The header that carries the request id in and out. Default <c>X-Request-ID</c>.</summary>
    public string RequestIdHeader { get; set; } = "X-Request-ID";

    /// <summary>The code hooks added with <see cref="ConfigureSerilog"/>, in order.</summary>
    internal List<Action<Serilog.LoggerConfiguration>> SerilogConfigurations { get; } = [];

    /// <summary>
    /// Adds sinks, enrichers or filters to the Serilog pipeline in code, as the <c>Serilog</c> configuration
    /// section does: they sit behind the masking step (a sink added here never sees a secret) and receive
    /// every event that passes <c>Logging:LogLevel</c>. Console output stays ProductionReady's own.
    /// </summary>
    /// <param name="configure">For example <c>lc =&gt; lc.Enrich.WithProperty("Team", "orders").WriteTo.File(...)</c>.</param>
    /// <returns>These options, for chaining.</returns>
    public ProductionReadyLoggingOptions ConfigureSerilog(Action<Serilog.LoggerConfiguration> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        SerilogConfigurations.Add(configure);
        return this;
    }
}
