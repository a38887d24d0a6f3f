namespace ProductionReady.Health;

/// <summary>
/// What data annotations cannot say: the drain delay must fit inside the host's shutdown timeout
/// (or the host cuts it short), the paths must differ, and a policy mode needs a policy name.
/// </summary>
internal sealed class HealthProbeOptionsValidator : IValidateOptions<HealthProbeOptions>
{
    private readonly IOptions<HostOptions> _hostOptions;

    public HealthProbeOptionsValidator(IOptions<HostOptions> hostOptions) => _hostOptions = hostOptions;

    public ValidateOptionsResult Validate(string? name, HealthProbeOptions options)
    {
        var failures = new List<string>();
        var shutdownTimeout = _hostOptions.Value.ShutdownTimeout;
        if (shutdownTimeout != Timeout.InfiniteTimeSpan && options.DrainDelay >= shutdownTimeout)
        {
            failures.Add(
                $"ProductionReady:Health:DrainDelay ({options.DrainDelay}) must be shorter than HostOptions.ShutdownTimeout ({shutdownTimeout}), or the host stops the server before the drain ends: lower DrainDelay or raise the shutdown timeout (builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ...)), and keep both under the pod's terminationGracePeriodSeconds.");
        }

        var paths = new[] { options.LivePath, options.ReadyPath, options.StartupPath, options.ReportPath };
        var repeated = paths.Where(p => p is not null).GroupBy(p => p, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (repeated.Length > 0)
        {
            failures.Add($"ProductionReady:Health: LivePath, ReadyPath, StartupPath and ReportPath must differ; '{string.Join("', '", repeated)}' is used more than once.");
        }

        if (options.ReportDetails == HealthReportDetails.AuthorizationPolicy && string.IsNullOrWhiteSpace(options.ReportDetailsPolicy))
        {
            failures.Add("ProductionReady:Health:ReportDetails is AuthorizationPolicy: set ReportDetailsPolicy to the name of the authorization policy callers must satisfy.");
        }

        if (!Enum.IsDefined(options.ReportDetails))
        {
            failures.Add($"ProductionReady:Health:ReportDetails '{options.ReportDetails}' is not one of {string.Join(", ", Enum.GetNames<HealthReportDetails>())}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
