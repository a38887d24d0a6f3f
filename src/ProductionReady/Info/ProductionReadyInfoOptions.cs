namespace ProductionReady;

/// <summary>
/// Info endpoint options, bound from the <c>ProductionReady:Info</c> configuration section and validated
/// when the host starts.
/// </summary>
/// <remarks>
/// Like Spring Boot Actuator's <c>/actuator/info</c> and <c>/actuator/loggers</c>: the endpoint exists, but only
/// insiders reach it. It answers only the callers <see cref="Access"/> allows (loopback by default) and is 404 to
/// everyone else, judged on the connection's own peer, never on forwarded headers. With a management port
/// (<c>ProductionReady:Metrics:Port</c>) it answers there, and only there.
/// </remarks>
public sealed class ProductionReadyInfoOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ProductionReady:Info";

    /// <summary>The default path of the info endpoint.</summary>
    public const string DefaultPath = "/info";

    /// <summary>The path under <see cref="Path"/> where run-time log levels are read and changed.</summary>
    public const string LogLevelsSubPath = "/log-levels";

    /// <summary>False turns the endpoint off: the path is then the app's.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The path of the info document. Default <c>/info</c>; log levels answer at <c>{Path}/log-levels</c>.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>Who may read the endpoint and change log levels. Default: callers connecting from this machine.</summary>
    public InfoAccess Access { get; set; } = InfoAccess.LoopbackOnly;

    /// <summary>
    /// With <see cref="InfoAccess.Networks"/>: the networks (CIDR such as <c>10.0.0.0/8</c>, or single addresses)
    /// whose connections may use the endpoint, judged on the connection's own peer.
    /// </summary>
    public IList<string> AllowedNetworks { get; } = new List<string>();

    /// <summary>
    /// Why letting every address use the endpoint (<c>0.0.0.0/0</c>, <c>::/0</c> in <see cref="AllowedNetworks"/>) is right
    /// for this deployment. Outside Development such an entry is refused at startup unless a reason is given.
    /// </summary>
    public string? AllowAnyAddressReason { get; set; }

    /// <summary>With <see cref="InfoAccess.AuthorizationPolicy"/>: the policy a caller must satisfy.</summary>
    public string? AuthorizationPolicy { get; set; }

    /// <summary>False: <c>{Path}/log-levels</c> only reads the levels and refuses changes (405). Default true.</summary>
    public bool LogLevelChanges { get; set; } = true;

    /// <summary>How long a changed level lasts when the request names no duration. Default 15 minutes.</summary>
    public TimeSpan DefaultLogLevelDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest a changed level may last; it falls back by itself after that. Default 1 hour, at most 24 hours.</summary>
    public TimeSpan MaxLogLevelDuration { get; set; } = TimeSpan.FromHours(1);
}
