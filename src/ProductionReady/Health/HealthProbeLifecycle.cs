namespace ProductionReady.Health;

/// <summary>
/// Ties the probes to the host's lifetime: readiness opens at ApplicationStarted and closes at
/// ApplicationStopping; the startup work runs once started; the drain delay runs in
/// <see cref="IHostedLifecycleService.StoppingAsync"/>, which the host runs before any hosted
/// service's StopAsync, so the server (stopped by its own StopAsync) keeps serving while
/// readiness already answers 503.
/// </summary>
internal sealed class HealthProbeLifecycle : IHostedLifecycleService, IDisposable
{
    private readonly ApplicationAvailability _availability;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly IServiceProvider _services;
    private readonly ProductionReadyHealthOptions _options;
    private readonly IEnumerable<StartupWorkItem> _startupWork;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<CancellationTokenRegistration> _registrations = [];
    private Task _startupWorkRun = Task.CompletedTask;

    public HealthProbeLifecycle(
        ApplicationAvailability availability,
        IHostApplicationLifetime lifetime,
        IServiceProvider services,
        IOptions<ProductionReadyHealthOptions> options,
        IEnumerable<StartupWorkItem> startupWork,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        _availability = availability;
        _lifetime = lifetime;
        _services = services;
        _options = options.Value;
        _startupWork = startupWork;
        _time = time;
        _logger = loggerFactory.CreateLogger(HealthLog.Category);
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        // Fail before the server listens when the details policy cannot work.
        await _services.GetRequiredService<ReportDetailsGate>().ValidatePolicyAsync(_services).ConfigureAwait(false);

        // Resolve the evaluations now: a configuration error (duplicate check names) stops startup.
        _services.GetRequiredService<HealthEvaluations>();

        _registrations.Add(_lifetime.ApplicationStarted.Register(_availability.OnStarted));
        _registrations.Add(_lifetime.ApplicationStopping.Register(() => _availability.OnStopping(_options.DrainDelay)));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!_startupWork.Any())
        {
            // Nothing to wait for: complete before ApplicationStarted opens readiness.
            _availability.OnStartupWorkCompleted(logIt: false);
            return Task.CompletedTask;
        }

        // In the background: the server is listening, the startup probe answers 503 meanwhile.
        _startupWorkRun = Task.Run(RunStartupWorkAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        // On SIGTERM ApplicationStopping has already fired; on a direct StopAsync the host raises it
        // only after StoppingAsync. Either way readiness answers 503 from here on.
        _availability.OnStopping(_options.DrainDelay);

        // A host that never started has no traffic to drain.
        if (_options.DrainDelay <= TimeSpan.Zero || !_availability.HasStarted)
        {
            return;
        }

        try
        {
            await Task.Delay(_options.DrainDelay, _time, cancellationToken).ConfigureAwait(false);
            HealthLog.DrainCompleted(_logger);
        }
        catch (OperationCanceledException)
        {
            HealthLog.DrainCutShort(_logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        // The startup work watches ApplicationStopping, which has fired by now.
        try
        {
            await _startupWorkRun.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Startup work that ignores its token does not hold the host past its shutdown timeout.
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private async Task RunStartupWorkAsync()
    {
        foreach (var work in _startupWork)
        {
            try
            {
                var scope = _services.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    await work.Run(scope.ServiceProvider, _lifetime.ApplicationStopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever a startup work item throws, startup has failed: report it, never crash the host from a background task.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _availability.OnStartupWorkFailed(work.Name, ex);
                return;
            }
        }

        _availability.OnStartupWorkCompleted(logIt: true);
    }
}
