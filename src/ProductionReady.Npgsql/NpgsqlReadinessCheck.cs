using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ProductionReady.Npgsql;

/// <summary>
/// The PostgreSQL readiness check: opens a connection from the data source and runs the command.
/// <list type="bullet">
/// <item>One attempt at a time. A check abandoned at its timeout (a frozen server) leaves its attempt
/// running until the driver's own timeouts end it; later checks wait on that attempt instead of opening
/// another connection, so a hung server is not buried under one connection attempt per probe.</item>
/// <item>A pool that recovers at once. A pooled connection the server closed (a restart, a failover)
/// fails on first use, and the pool may hold more of them: on a failure the pool's idle connections are
/// cleared and one fresh connection decides, so the first probe after the server returns passes.</item>
/// <item>A warmed data source. The first connection of a data source loads PostgreSQL's type catalogue,
/// which on a busy machine outlasts the check timeout: <see cref="WarmUpAsync"/> runs it as startup work,
/// so no readiness check fails for the driver's own warm-up.</item>
/// </list>
/// </summary>
internal sealed class NpgsqlReadinessCheck : IHealthCheck
{
    /// <summary>How long the startup work waits for the first connection before letting the checks decide.</summary>
    public static readonly TimeSpan WarmUpBound = TimeSpan.FromSeconds(10);

    private readonly Func<NpgsqlDataSource> _dataSource;
    private readonly string _commandText;
    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _attempt;

    public NpgsqlReadinessCheck(Func<NpgsqlDataSource> dataSource, string commandText)
    {
        _dataSource = dataSource;
        _commandText = commandText;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken) =>
        CurrentAttempt(context.Registration.FailureStatus).WaitAsync(cancellationToken);

    /// <summary>Makes the data source's first connection (never throws: a database that is down is the checks' to report).</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CurrentAttempt(HealthStatus.Unhealthy).WaitAsync(WarmUpBound, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Slower than the bound: startup completes and the checks report the database as it is.
        }
    }

    private Task<HealthCheckResult> CurrentAttempt(HealthStatus failureStatus)
    {
        lock (_gate)
        {
            // Task.Run: no driver code runs under the lock.
            return _attempt is { IsCompleted: false } running ? running : _attempt = Task.Run(() => AttemptAsync(failureStatus));
        }
    }

    // Not given the caller's token: the attempt is shared, and cancelling a query makes Npgsql open one
    // more connection to send the cancel request. The driver's own timeouts (Timeout, Command Timeout) end it.
    private async Task<HealthCheckResult> AttemptAsync(HealthStatus failureStatus)
    {
        var dataSource = _dataSource();
        try
        {
            await QueryAsync(dataSource).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
        {
            // The pool's idle connections may all be dead (the server restarted): dropped, then one fresh try.
            dataSource.Clear();
        }

        try
        {
            await QueryAsync(dataSource).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
        {
            // Npgsql's messages name the host and port, never the password.
            return new HealthCheckResult(failureStatus, ex.Message, ex);
        }
    }

    private async Task QueryAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = _commandText;
        _ = await command.ExecuteScalarAsync().ConfigureAwait(false);
    }
}
