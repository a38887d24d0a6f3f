namespace ProductionReady.Common;

/// <summary>
/// The contract "this insiders' path answers on the management port": Info claims its paths here; Metrics, which
/// closes the management port to everything but its scrape path, lets these through.
/// </summary>
internal interface IManagementPortPaths
{
    /// <summary>True when <paramref name="path"/> is answered on the management port.</summary>
    bool Answers(PathString path);
}
