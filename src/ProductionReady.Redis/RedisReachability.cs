using StackExchange.Redis;

namespace ProductionReady.Redis;

/// <summary>
/// Whether the shared budget can be asked right now, and the one warning when it cannot. While the
/// multiplexer is disconnected, or for a short while after a command failed, every limiter uses its
/// per-instance bucket instead of waiting on Redis: requests are never failed and never wait out a
/// Redis timeout, and they are never let through unlimited either.
/// </summary>
internal sealed partial class RedisReachability
{
    // After a failed command, how long to stay on the local buckets before asking Redis again.
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private long _localUntilTicks;
    private int _fallingBack;

    public RedisReachability(IConnectionMultiplexer redis, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _redis = redis;
        _logger = loggerFactory.CreateLogger("ProductionReady.RateLimits");
        _time = time;
    }

    /// <summary>True when the limiters should use their local buckets (and says so once per outage).</summary>
    public bool UseLocal
    {
        get
        {
            if (_redis.IsConnected && _time.GetUtcNow().UtcTicks >= Volatile.Read(ref _localUntilTicks))
            {
                return false;
            }

            FallingBack(null);
            return true;
        }
    }

    /// <summary>A command reached Redis: the shared budget is in use (again).</summary>
    public void Succeeded()
    {
        if (Volatile.Read(ref _fallingBack) == 1 && Interlocked.Exchange(ref _fallingBack, 0) == 1)
        {
            SharedAgain(_logger);
        }
    }

    /// <summary>A command failed: use the local buckets for a while.</summary>
    public void Failed(Exception exception)
    {
        Volatile.Write(ref _localUntilTicks, (_time.GetUtcNow() + RetryAfterFailure).UtcTicks);
        FallingBack(exception);
    }

    private void FallingBack(Exception? exception)
    {
        if (Volatile.Read(ref _fallingBack) == 0 && Interlocked.Exchange(ref _fallingBack, 1) == 0)
        {
            // The exception's type only: its message may carry the connection string's host and password.
            FellBack(_logger, exception?.GetType().Name ?? "not connected");
        }
    }

    [LoggerMessage(EventId = 10, EventName = "RateLimitStoreUnreachable", Level = LogLevel.Warning,
        Message = "Redis is unreachable ({Reason}): rate limits are held per instance until it is back, so each replica allows the full budget")]
    private static partial void FellBack(ILogger logger, string reason);

    [LoggerMessage(EventId = 11, EventName = "RateLimitStoreReachable", Level = LogLevel.Information,
        Message = "Redis is reachable again: rate limits are shared by every replica again")]
    private static partial void SharedAgain(ILogger logger);
}
