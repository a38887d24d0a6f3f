namespace ProductionReady.Secrets;

/// <summary>
/// The host lifetime of <c>--validate-config</c>: no console signal handling, so that the validation
/// can end the process from host start without waiting on a shutdown that never comes.
/// </summary>
internal sealed class ValidateConfigLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
