using System.Globalization;

namespace ProductionReady.Health;

/// <summary>
/// Validates <see cref="ProductionReadyHealthOptions"/> at startup; every message starts with the full
/// configuration key and says what to do. The paths themselves (absolute, no query, distinct, not an
/// app route) are judged by the one reserved-paths check all capabilities share.
/// </summary>
internal sealed class HealthOptionsValidator : IValidateOptions<ProductionReadyHealthOptions>
{
    private const string Section = ProductionReadyHealthOptions.SectionName;
    private readonly IOptions<HostOptions> _hostOptions;

    public HealthOptionsValidator(IOptions<HostOptions> hostOptions) => _hostOptions = hostOptions;

    public ValidateOptionsResult Validate(string? name, ProductionReadyHealthOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, path) in new[] { ("LivePath", options.LivePath), ("ReadyPath", options.ReadyPath), ("StartupPath", options.StartupPath), ("ReportPath", options.ReportPath) })
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                failures.Add($"{Section}:{key} is empty: set a path such as '/health/{key[..^4].ToLowerInvariant()}', or remove the key to use the default.");
            }
        }

        Range(failures, "DrainDelay", options.DrainDelay, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        Range(failures, "CheckTimeout", options.CheckTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
        Range(failures, "CacheDuration", options.CacheDuration, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        Range(failures, "ProbeCommandTimeout", options.ProbeCommandTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{Section}:Port ({options.Port}) is not a TCP port: set a port between 1 and 65535 (the probes' containerPort), or remove the key to use {ProductionReadyHealthOptions.DefaultWorkerPort}.");
        }

        var shutdownTimeout = _hostOptions.Value.ShutdownTimeout;
        if (shutdownTimeout != Timeout.InfiniteTimeSpan && options.DrainDelay >= shutdownTimeout)
        {
            failures.Add(
                $"{Section}:DrainDelay ({Format(options.DrainDelay)}) must be shorter than HostOptions.ShutdownTimeout ({Format(shutdownTimeout)}), or the host stops the server before the drain ends: lower DrainDelay or raise the shutdown timeout (builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ...)), and keep both under the pod's terminationGracePeriodSeconds.");
        }

        if (!Enum.IsDefined(options.ReportDetails))
        {
            failures.Add($"{Section}:ReportDetails '{options.ReportDetails}' is not one of {string.Join(", ", Enum.GetNames<HealthReportDetails>())}: use one of them.");
        }
        else if (options.ReportDetails == HealthReportDetails.AuthorizationPolicy && string.IsNullOrWhiteSpace(options.ReportDetailsPolicy))
        {
            failures.Add($"{Section}:ReportDetails is AuthorizationPolicy: set {Section}:ReportDetailsPolicy to the name of the authorization policy callers must satisfy.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{Section}:{key} ({Format(value)}) must be between {Format(min)} and {Format(max)}: set a value in that range.");
        }
    }

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
