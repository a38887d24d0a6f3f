using StackExchange.Redis;

namespace ProductionReady.Redis;

/// <summary>
/// The circuit breaker between the request path and Redis. Closed: the limiters ask Redis, each request
/// waiting at most <see cref="RequestBound"/>. Open (a call failed or outlasted the bound, or the
/// multiplexer is disconnected): every limiter uses its per-instance bucket at once, without asking Redis,
/// while one background loop PINGs Redis every <see cref="RetryInterval"/> and closes the circuit when it
/// answers. Requests are never failed, never wait out the client's own timeouts, and are never let
/// through unlimited; the outage is logged once, and its end once.
/// </summary>
internal sealed partial class RedisReachability : IDisposable
{
    /// <summary>
    /// The longest a request waits on Redis, whatever the connection string's timeouts say. Redis answers
    /// in well under a millisecond on a healthy network; a reply this late means it is in trouble.
    /// </summary>
    public static readonly TimeSpan RequestBound = TimeSpan.FromMilliseconds(250);

    /// <summary>While the circuit is open, how often the background loop asks Redis whether it is back.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _disposed = new();
    private volatile bool _stopped;
    private int _open;
    private int _retrying;
    private int _fallingBack;

    public RedisReachability(IConnectionMultiplexer redis, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _redis = redis;
        _logger = loggerFactory.CreateLogger("ProductionReady.RateLimits");
        _time = time;
    }

    /// <summary>The time provider the request path's bound is measured with.</summary>
    public TimeProvider Time => _time;

    /// <summary>True when the limiters should use their local buckets (and says so once per outage).</summary>
    public bool UseLocal
    {
        get
        {
            if (Volatile.Read(ref _open) == 0 && _redis.IsConnected)
            {
                return false;
            }

            Open(null);
            return true;
        }
    }

    /// <summary>A call reached Redis: the shared budget is in use (again).</summary>
    public void Succeeded()
    {
        if (Volatile.Read(ref _fallingBack) == 1 && Interlocked.Exchange(ref _fallingBack, 0) == 1)
        {
            SharedAgain(_logger);
        }
    }

    /// <summary>A call failed (<paramref name="exception"/>) or outlasted <see cref="RequestBound"/> (null): open the circuit.</summary>
    public void Failed(Exception? exception) => Open(exception?.GetType().Name ?? $"no answer within {RequestBound.TotalMilliseconds:0} ms");

    /// <summary>True when Redis answers a PING within <see cref="RequestBound"/>.</summary>
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _redis.GetDatabase().PingAsync().WaitAsync(RequestBound, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private void Open(string? reason)
    {
        Volatile.Write(ref _open, 1);
        if (Volatile.Read(ref _fallingBack) == 0 && Interlocked.Exchange(ref _fallingBack, 1) == 0)
        {
            // The exception's type only: its message may carry the connection string's host and password.
            FellBack(_logger, reason ?? "not connected");
        }

        if (Interlocked.CompareExchange(ref _retrying, 1, 0) == 0)
        {
            _ = Task.Run(RetryUntilAnsweredAsync);
        }
    }

    // The only code that asks Redis while the circuit is open: one PING at a time, never on a request.
    private async Task RetryUntilAnsweredAsync()
    {
        try
        {
            var stopping = _disposed.Token;
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(RetryInterval, _time, stopping).ConfigureAwait(false);
                if (_redis.IsConnected && await AnswersAsync(stopping).ConfigureAwait(false))
                {
                    // Closed before the retry loop lets go, so a failure racing this reopens and restarts it.
                    Volatile.Write(ref _open, 0);
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the app is stopping.
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check and the delay.
        }
        finally
        {
            Volatile.Write(ref _retrying, 0);
        }

        // A failure between closing the circuit and letting go of the loop found it still running: retry again.
        if (Volatile.Read(ref _open) == 1 && !_stopped && Interlocked.CompareExchange(ref _retrying, 1, 0) == 0)
        {
            _ = Task.Run(RetryUntilAnsweredAsync);
        }
    }

    [LoggerMessage(EventId = 10001, EventName = "RateLimitStoreUnreachable", Level = LogLevel.Warning,
        Message = "Redis is unreachable ({Reason}): rate limits are held per instance until it is back, so each replica allows the full budget")]
    private static partial void FellBack(ILogger logger, string reason);

    [LoggerMessage(EventId = 10002, EventName = "RateLimitStoreReachable", Level = LogLevel.Information,
        Message = "Redis is reachable again: rate limits are shared by every replica again")]
    private static partial void SharedAgain(ILogger logger);
}
