using ProductionReady.Common;

namespace ProductionReady.RateLimits;

/// <summary>
/// Logs rejections as one summary event per policy, client and window
/// (<c>ProductionReady:RateLimits:RejectionLogWindow</c>), never one per rejected request: a client
/// hammering an endpoint must not flood the log it is being throttled to protect.
/// </summary>
internal sealed partial class RateLimitRejectionLog : IDisposable
{
    private readonly WindowedCounts<(string Policy, object Client)> _windows;

    public RateLimitRejectionLog(IOptions<ProductionReadyRateLimitsOptions> options, ILoggerFactory loggerFactory, TimeProvider time)
    {
        var logger = loggerFactory.CreateLogger("ProductionReady.RateLimits");
        _windows = new(options.Value.RejectionLogWindow, time, (key, rejected, started, length) =>
            RequestsRejected(logger, key.Policy, RateLimitClient.Describe(key.Client), rejected, started, length));
    }

    /// <summary>Counts one rejection of <paramref name="client"/> under <paramref name="policy"/>.</summary>
    public void Record(string policy, object client) => _windows.Add((policy, client));

    public void Dispose() => _windows.Dispose();

    [LoggerMessage(EventId = 6001, EventName = "RateLimitRejected", Level = LogLevel.Warning,
        Message = "Rate limit '{Policy}' rejected {Rejected} request(s) from {Client} since {WindowStart:O} ({WindowLength})")]
    private static partial void RequestsRejected(ILogger logger, string policy, string client, long rejected, DateTimeOffset windowStart, TimeSpan windowLength);
}
