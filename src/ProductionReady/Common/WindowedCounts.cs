using System.Collections.Concurrent;

namespace ProductionReady.Common;

/// <summary>
/// Counts occurrences per key and hands each key's count to <c>report</c> once per window, never once per
/// occurrence: a client hammering an endpoint must not flood the log that records it. The one windowed counter
/// of the runtime: the rate-limit rejection log (per policy and client) and the security events (per event and
/// client) both summarise through it.
/// </summary>
/// <typeparam name="TKey">What is summarised separately, e.g. (event, client).</typeparam>
internal sealed class WindowedCounts<TKey> : IDisposable
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Window> _open = new();
    private readonly Action<TKey, long, DateTimeOffset, TimeSpan> _report;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly TimeSpan _length;

    /// <param name="length">The window: a key's first occurrence opens it; its summary is reported when it ends.</param>
    /// <param name="time">The clock (and timer) to use.</param>
    /// <param name="report">Receives key, count, window start and actual length.</param>
    public WindowedCounts(TimeSpan length, TimeProvider time, Action<TKey, long, DateTimeOffset, TimeSpan> report)
    {
        _length = length;
        _time = time;
        _report = report;

        // Ticks every half window: a window is reported at most half a window after it ends.
        var tick = length / 2 > TimeSpan.Zero ? length / 2 : length;
        _timer = time.CreateTimer(_ => Flush(force: false), null, tick, tick);
    }

    /// <summary>Counts one occurrence of <paramref name="key"/>.</summary>
    public void Add(TKey key)
    {
        var window = _open.GetOrAdd(key, static (_, now) => new Window(now), _time.GetUtcNow());
        Interlocked.Increment(ref window.Count);
    }

    /// <summary>Reports every window that has ended (every open one when <paramref name="force"/>).</summary>
    public void Flush(bool force)
    {
        var now = _time.GetUtcNow();
        foreach (var (key, window) in _open)
        {
            if ((force || now - window.Started >= _length) && _open.TryRemove(new KeyValuePair<TKey, Window>(key, window)))
            {
                // Read after the removal: a later occurrence opens a new window. One racing the removal by a
                // few instructions may go unreported; a summary may be short by that much.
                _report(key, Volatile.Read(ref window.Count), window.Started, now - window.Started);
            }
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Flush(force: true);
    }

    private sealed class Window(DateTimeOffset started)
    {
        public long Count;

        public DateTimeOffset Started { get; } = started;
    }
}
