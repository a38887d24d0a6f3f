using System.Collections.Concurrent;

namespace ProductionReady.RateLimits;

/// <summary>
/// Logs rejections as one summary event per policy, client and window
/// (<c>ProductionReady:RateLimits:RejectionLogWindow</c>), never one per rejected request: a client
/// hammering an endpoint must not flood the log it is being throttled to protect.
/// </summary>
internal sealed partial class RateLimitRejectionLog : IDisposable
{
    private readonly ConcurrentDictionary<(string Policy, object Client), Window> _open = new();
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly TimeSpan _length;

    public RateLimitRejectionLog(IOptions<ProductionReadyRateLimitsOptions> options, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _logger = loggerFactory.CreateLogger("ProductionReady.RateLimits");
        _time = time;
        _length = options.Value.RejectionLogWindow;
        _timer = time.CreateTimer(_ => Flush(force: false), null, _length, _length);
    }

    /// <summary>Counts one rejection of <paramref name="client"/> under <paramref name="policy"/>.</summary>
    public void Record(string policy, object client)
    {
        var now = _time.GetUtcNow();
        var window = _open.GetOrAdd((policy, client), static (_, now) => new Window(now), now);
        Interlocked.Increment(ref window.Rejected);
    }

    /// <summary>Writes the summary of every window that has ended (every open one when <paramref name="force"/>).</summary>
    public void Flush(bool force)
    {
        var now = _time.GetUtcNow();
        foreach (var (key, window) in _open)
        {
            if ((force || now - window.Started >= _length) && _open.TryRemove(new KeyValuePair<(string, object), Window>(key, window)))
            {
                // Read after the removal: a later rejection opens a new window. One racing the removal
                // by a few instructions may go unreported; a summary may be short by that much.
                RequestsRejected(_logger, key.Policy, RateLimitClient.Describe(key.Client), Volatile.Read(ref window.Rejected), window.Started, now - window.Started);
            }
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Flush(force: true);
    }

    [LoggerMessage(EventId = 6001, EventName = "RateLimitRejected", Level = LogLevel.Warning,
        Message = "Rate limit '{Policy}' rejected {Rejected} request(s) from {Client} since {WindowStart:O} ({WindowLength})")]
    private static partial void RequestsRejected(ILogger logger, string policy, string client, long rejected, DateTimeOffset windowStart, TimeSpan windowLength);

    private sealed class Window(DateTimeOffset started)
    {
        public long Rejected;

        public DateTimeOffset Started { get; } = started;
    }
}
