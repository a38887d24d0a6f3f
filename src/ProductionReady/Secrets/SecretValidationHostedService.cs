using System.Diagnostics;

namespace ProductionReady.Secrets;

/// <summary>
/// Runs the validation in <see cref="IHostedLifecycleService.StartingAsync"/>: after the configuration
/// is complete and after <c>ValidateOnStart</c> options were created, before any hosted service starts,
/// so before Kestrel listens. Fatal environment: writes the report to stderr, logs it as one event
/// and stops the host with <see cref="SecretValidationException"/>. Elsewhere: one warning event.
/// With <c>--validate-config</c>: prints the report (text or <c>--json</c>) and exits 0 or 1.
/// </summary>
internal sealed class SecretValidationHostedService : IHostedLifecycleService
{
    /// <summary>The switch that runs the validation and exits.</summary>
    public const string ValidateConfigSwitch = "--validate-config";

    /// <summary>With <see cref="ValidateConfigSwitch"/>: the report as JSON.</summary>
    public const string JsonSwitch = "--json";

    private readonly SecretValidator _validator;
    private readonly DeclaredSecretProblems _declared;
    private readonly SecretReportOutput _output;
    private readonly ILogger<SecretValidationHostedService> _logger;
    private readonly ValidateConfigRequest? _validateConfig;

    public SecretValidationHostedService(
        SecretValidator validator,
        DeclaredSecretProblems declared,
        SecretReportOutput output,
        ILogger<SecretValidationHostedService> logger,
        ValidateConfigRequest? validateConfig = null)
    {
        _validator = validator;
        _declared = declared;
        _output = output;
        _logger = logger;
        _validateConfig = validateConfig;
    }

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var options = _validator.Options;
        if (_validateConfig is not null)
        {
            RunValidateConfig(options.Enabled, _validateConfig.Json);
            return Task.CompletedTask;
        }

        if (!options.Enabled)
        {
            return Task.CompletedTask;
        }

        var started = Stopwatch.GetTimestamp();
        var report = _validator.Validate();
        _declared.MarkReported(report.Fatal);
        if (report.IsClean)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            SecretValidationLog.Passed(_logger, report.Environment, report.Suppressed.Count, elapsed);
            return Task.CompletedTask;
        }

        if (!report.Fatal)
        {
            var failing = options.FailInEnvironments.Count == 0 ? SecretValidationOptions.DefaultFailingEnvironment : string.Join(", ", options.FailInEnvironments);
            var summaries = report.ProblemSummaries();
            var warning = report.ToText("the app starts anyway");
            SecretValidationLog.Warned(_logger, report.Problems.Count, report.Environment, failing, summaries, warning);
            return Task.CompletedTask;
        }

        var text = report.ToText("the host will not start");
        var problems = report.ProblemSummaries();

        // Straight to stderr first: the process is about to end and must not depend on a log pipeline.
        _output.Error.WriteLine(text);
        _output.Error.Flush();
        SecretValidationLog.Failed(_logger, report.Problems.Count, report.Environment, problems, text);
        SecretValidationExit.ExitCleanlyWhenUnhandled();
        throw new SecretValidationException(
            $"Startup secret validation found {report.Problems.Count} problem(s) in environment '{report.Environment}': "
            + string.Join(", ", problems) + ". The report above says what to do.")
        {
            ProblemCount = report.Problems.Count,
        };
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void RunValidateConfig(bool enabled, bool json)
    {
        int exitCode;
        if (!enabled)
        {
            _output.Out.WriteLine(json
                ? "{ \"clean\": true, \"enabled\": false }"
                : "ProductionReady secret validation is disabled (ProductionReady:Secrets:Enabled=false).");
            exitCode = 0;
        }
        else
        {
            var report = _validator.Validate();
            _output.Out.WriteLine(json ? report.ToJson() : report.ToText());
            exitCode = report.IsClean ? 0 : SecretValidationExit.FailureExitCode;
        }

        _output.Out.Flush();
        _output.Error.Flush();

        // Never start the server. The host runs ValidateConfigLifetime, so nothing waits on shutdown.
        Environment.Exit(exitCode);
    }
}

/// <summary>Present in the container when the process was started with <c>--validate-config</c>.</summary>
internal sealed record ValidateConfigRequest(bool Json);
