using ProductionReady.Common;

namespace ProductionReady.SecurityHeaders;

/// <summary>
/// Claims the CSP report endpoint's path, so the startup check refuses a probe (or another capability's)
/// path equal to it: that path would otherwise be answered by whichever middleware comes first.
/// </summary>
internal sealed class CspReportReservedPaths : IReservedPaths
{
    private readonly IOptions<ProductionReadySecurityHeadersOptions> _options;

    public CspReportReservedPaths(IOptions<ProductionReadySecurityHeadersOptions> options) => _options = options;

    public IEnumerable<ReservedPath> GetReservedPaths()
    {
        var options = _options.Value;
        if (options.Enabled && options.CspReports.Enabled)
        {
            yield return new ReservedPath(options.CspReports.Path, $"{ProductionReadySecurityHeadersOptions.SectionName}:CspReports:Path");
        }
    }
}
