namespace ProductionReady.Common;

/// <summary>
/// The contract "insiders' endpoints answer on this port": the management port Metrics listens on
/// (<c>ProductionReady:Metrics:Port</c>), so Info can answer there, and only there, without reading
/// Metrics' options.
/// </summary>
internal interface IManagementPort
{
    /// <summary>The management port, or null when insiders' endpoints answer on the app's own port.</summary>
    int? Port { get; }
}
