using System.Diagnostics;
using ProductionReady.Common;

namespace ProductionReady.Secrets;

/// <summary>
/// Runs the validation once: as a pre-start check inside <c>builder.Build()</c> (before any of the app's
/// code after <c>Build()</c>, and never logged again by the host with a stack trace), or, where the
/// startup checks do not own the container (the app replaced the service-provider factory), in
/// <see cref="IHostedLifecycleService.StartingAsync"/>. Either way after the configuration is complete
/// and after <c>ValidateOnStart</c> options were created, and before Kestrel listens. Fatal environment: writes the report to stderr, logs it as one
/// event and stops the host with <see cref="SecretValidationException"/>. Elsewhere: one warning event.
/// </summary>
internal sealed class SecretValidationHostedService : IHostedLifecycleService, IPreStartCheck
{
    private readonly SecretValidator _validator;
    private readonly DeclaredSecretProblems _declared;
    private readonly SecretReportOutput _output;
    private readonly ILogger<SecretValidationHostedService> _logger;
    private readonly SecretMetrics? _metrics;

    public SecretValidationHostedService(
        SecretValidator validator,
        DeclaredSecretProblems declared,
        SecretReportOutput output,
        ILogger<SecretValidationHostedService> logger,
        SecretMetrics? metrics = null)
    {
        _metrics = metrics;
        _validator = validator;
        _declared = declared;
        _output = output;
        _logger = logger;
    }

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        Run();
        return Task.CompletedTask;
    }

    public void Run()
    {
        var options = _validator.Options;
        if (!options.Enabled || _declared.Reported)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var report = _validator.Validate();
        _declared.MarkReported(report.Fatal);
        _metrics?.Record(report);
        if (report.IsClean)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            SecretValidationLog.Passed(_logger, report.Environment, report.Suppressed.Count, elapsed);
            return;
        }

        if (!report.Fatal)
        {
            var failing = options.FailInEnvironments.Count == 0 ? ProductionReadySecretsOptions.DefaultFailingEnvironment : string.Join(", ", options.FailInEnvironments);
            var summaries = report.ProblemSummaries();
            var warning = report.ToText("the app starts anyway");
            SecretValidationLog.Warned(_logger, report.Problems.Count, report.Environment, failing, summaries, warning);
            return;
        }

        var text = report.ToText("the host will not start");
        var problems = report.ProblemSummaries();

        // Straight to stderr first: the process is about to end and must not depend on a log pipeline.
        _output.Error.WriteLine(text);
        _output.Error.Flush();
        SecretValidationLog.Failed(_logger, report.Problems.Count, report.Environment, problems, text);
        StartupExit.ExitCleanlyWhenUnhandled();
        throw StartupExit.MarkReported(new SecretValidationException(
            $"Startup secret validation found {report.Problems.Count} problem(s) in environment '{report.Environment}': "
            + string.Join(", ", problems) + ". The report above says what to do.")
        {
            ProblemCount = report.Problems.Count,
        });
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
