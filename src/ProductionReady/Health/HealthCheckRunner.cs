using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductionReady.Health;

/// <summary>
/// Runs a set of health check registrations concurrently, each under a timeout that holds even when
/// the check ignores its cancellation token: a hung dependency yields an Unhealthy entry at the
/// timeout, never a hanging probe.
/// </summary>
internal sealed class HealthCheckRunner
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly TimeSpan _checkTimeout;

    public HealthCheckRunner(IServiceScopeFactory scopes, IOptions<ProductionReadyHealthOptions> options, TimeProvider time)
    {
        _scopes = scopes;
        _time = time;
        _checkTimeout = options.Value.CheckTimeout;
    }

    public async Task<HealthReport> RunAsync(IReadOnlyList<HealthCheckRegistration> registrations)
    {
        var started = _time.GetTimestamp();
        var running = new Task<HealthReportEntry>[registrations.Count];
        for (var i = 0; i < registrations.Count; i++)
        {
            var registration = registrations[i];

            // Task.Run: a check that blocks synchronously must not block the others or the probe.
            running[i] = Task.Run(() => RunOneAsync(registration));
        }

        var entries = await Task.WhenAll(running).ConfigureAwait(false);
        var report = new Dictionary<string, HealthReportEntry>(registrations.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < registrations.Count; i++)
        {
            report[registrations[i].Name] = entries[i];
        }

        return new HealthReport(report, _time.GetElapsedTime(started));
    }

    private TimeSpan TimeoutOf(HealthCheckRegistration registration) =>
        registration.Timeout > TimeSpan.Zero && registration.Timeout < _checkTimeout ? registration.Timeout : _checkTimeout;

    private async Task<HealthReportEntry> RunOneAsync(HealthCheckRegistration registration)
    {
        var timeout = TimeoutOf(registration);
        var started = _time.GetTimestamp();
        var scope = _scopes.CreateAsyncScope();
        using var cancellation = new CancellationTokenSource(timeout, _time);
        Task<HealthCheckResult>? check = null;
        try
        {
            var context = new HealthCheckContext { Registration = registration };
            check = registration.Factory(scope.ServiceProvider).CheckHealthAsync(context, cancellation.Token);
            var result = await check.WaitAsync(timeout, _time).ConfigureAwait(false);
            return new HealthReportEntry(result.Status, result.Description, _time.GetElapsedTime(started), result.Exception, result.Data, registration.Tags);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && cancellation.IsCancellationRequested))
        {
            return new HealthReportEntry(
                registration.FailureStatus,
                $"Timed out after {timeout.TotalMilliseconds:0} ms.",
                _time.GetElapsedTime(started),
                exception: null,
                data: null,
                registration.Tags);
        }
#pragma warning disable CA1031 // A throwing check is a failing check, whatever it throws.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new HealthReportEntry(registration.FailureStatus, ex.Message, _time.GetElapsedTime(started), ex, data: null, registration.Tags);
        }
        finally
        {
            if (check is { IsCompleted: false })
            {
                // The check ignored its token: dispose its scope only once it really ends.
                _ = check.ContinueWith(static (_, s) => ((AsyncServiceScope)s!).DisposeAsync().AsTask(), scope, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
            else
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
