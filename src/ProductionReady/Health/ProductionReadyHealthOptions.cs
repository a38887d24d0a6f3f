namespace ProductionReady;

/// <summary>
/// Health probe options, bound from the <c>ProductionReady:Health</c> configuration section and
/// validated when the host starts.
/// </summary>
/// <remarks>
/// Defaults fit Kubernetes' defaults: every check answers within <see cref="CheckTimeout"/>, well
/// under the kubelet's 1 second probe timeout, and the drain delay fits inside the host's default
/// 30 second shutdown timeout and the pod's default 30 second termination grace period.
/// </remarks>
public sealed class ProductionReadyHealthOptions
{
    private TimeSpan? _drainDelay;

    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ProductionReady:Health";

    /// <summary>The default liveness path.</summary>
    public const string DefaultLivePath = "/health/live";

    /// <summary>The default readiness path.</summary>
    public const string DefaultReadyPath = "/health/ready";

    /// <summary>The default startup path.</summary>
    public const string DefaultStartupPath = "/health/startup";

    /// <summary>The default path of the overall JSON report.</summary>
    public const string DefaultReportPath = "/health";

    /// <summary>Liveness: 200 unless the app declared itself broken or a check tagged <c>live</c> fails.</summary>
    public string LivePath { get; set; } = DefaultLivePath;

    /// <summary>Readiness: 503 while starting, while stopping, and when a check tagged <c>ready</c> is Unhealthy.</summary>
    public string ReadyPath { get; set; } = DefaultReadyPath;

    /// <summary>Startup: 503 until the host has started and every registered startup work item has completed.</summary>
    public string StartupPath { get; set; } = DefaultStartupPath;

    /// <summary>The overall JSON report of every check.</summary>
    public string ReportPath { get; set; } = DefaultReportPath;

    /// <summary>
    /// How long the server keeps serving after shutdown begins while readiness already answers 503,
    /// so load balancers stop routing before the server stops accepting requests. Default 5 seconds;
    /// 0 in Development and under TestServer / <c>WebApplicationFactory</c>, where no load balancer
    /// routes and every test host's dispose would wait for it; a configured value always wins. Must be
    /// shorter than <see cref="HostOptions.ShutdownTimeout"/>.
    /// </summary>
    public TimeSpan DrainDelay
    {
        get => _drainDelay ?? DefaultDrainDelay;
        set => _drainDelay = value;
    }

    /// <summary>The drain delay when none is set: 5 s, or 0 where nothing drains (see <see cref="DrainDelay"/>).</summary>
    internal TimeSpan DefaultDrainDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest a single check may take; a check still running then counts as failed (its
    /// registration's failure status). Default 500 ms, well under Kubernetes' 1 second probe timeout.
    /// A registration's own shorter <c>Timeout</c> wins.
    /// </summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long an evaluation's result is reused. Concurrent probes always share one in-flight
    /// evaluation; within this window they reuse its result, so probe storms never become
    /// dependency storms. Default 1 second; zero disables reuse (in-flight sharing stays).
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Who gets per-check details in the report at <see cref="ReportPath"/>; everyone else gets the status alone.</summary>
    public HealthReportDetails ReportDetails { get; set; } = HealthReportDetails.LoopbackOnly;

    /// <summary>
    /// The authorization policy a caller must satisfy to see details when <see cref="ReportDetails"/>
    /// is <see cref="HealthReportDetails.AuthorizationPolicy"/>.
    /// </summary>
    public string? ReportDetailsPolicy { get; set; }

    /// <summary>
    /// The port the probes are answered on in an app without a web server of its own (a worker built with
    /// <c>Host.CreateApplicationBuilder</c>): ProductionReady listens on it, on every interface, with a small
    /// HTTP/1.1 listener that answers the probe paths and nothing else. Default 8080 there. A web app answers
    /// its probes on its own server's port and ignores this setting (a warning says so when it is set).
    /// </summary>
    public int? Port { get; set; }

    /// <summary>The probe port of an app without a web server when <see cref="Port"/> is not set.</summary>
    internal const int DefaultWorkerPort = 8080;

    /// <summary>
    /// How long <c>--probe live|ready|startup</c> waits for the running instance before exiting 1.
    /// Default 5 seconds.
    /// </summary>
    public TimeSpan ProbeCommandTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
