using StackExchange.Redis;

namespace ProductionReady.Redis;

/// <summary>
/// Keeps a frozen Redis from holding the shutdown. Disposing a multiplexer sends QUIT to every server and
/// waits for the replies up to the client's own timeout (5 s by default), so with Redis frozen the app's
/// exit waited that long after the server had stopped. Once every hosted service has stopped (nothing is
/// served any more), a multiplexer whose Redis does not answer a PING within
/// <see cref="RedisReachability.RequestBound"/> is closed without waiting for replies; one that answers is
/// left to the container, which disposes it as before.
/// </summary>
internal sealed class RedisShutdown : IHostedLifecycleService
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisReachability _reachability;

    public RedisShutdown(IConnectionMultiplexer redis, RedisReachability reachability)
    {
        _redis = redis;
        _reachability = reachability;
    }

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (!await _reachability.AnswersAsync(cancellationToken).ConfigureAwait(false))
        {
            // Nothing a frozen Redis holds can complete anyway.
            await _redis.CloseAsync(allowCommandsToComplete: false).ConfigureAwait(false);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
