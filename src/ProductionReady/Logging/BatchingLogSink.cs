using System.Diagnostics;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Parsing;

namespace ProductionReady.Logging;

/// <summary>
/// The sink that keeps logging from ever stalling the service. Each event is formatted on the calling thread
/// (into a reused per-thread buffer) and appended to a bounded in-memory buffer; one dedicated writer thread
/// drains that buffer to the destination in batches (everything buffered in one write call: many events
/// under load, one when idle).
/// </summary>
/// <remarks>
/// <para>
/// A caller never waits on stdout: when the buffer has room (the normal case) appending is a copy under a
/// short lock. When it is full, the caller waits at most <see cref="MaxWait"/> for the writer to make room;
/// once one caller has waited that long in vain, stdout counts as stalled and every further caller drops its
/// event at once, without waiting, until the writer completes a write again. Dropped events are counted, and
/// the first batch written after the pipe drains (or the shutdown flush) carries one Warning event saying how
/// many were dropped and since when.
/// </para>
/// <para>
/// Why not Serilog.Sinks.Async: it formats on its worker thread (so a mutable event is shared across threads
/// and the memory bound is a count of events, not of their size), it either blocks callers without bound or
/// drops at once, and it does not report drops in the log itself.
/// </para>
/// </remarks>
internal sealed class BatchingLogSink : ILogEventSink, IDisposable
{
    /// <summary>The longest a logging call waits for room in a full buffer.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(10);

    /// <summary>How long disposal (host shutdown) and the process-exit hooks wait for stdout to take what is buffered.</summary>
    public static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Characters each of the two buffers holds (2 MiB of UTF-16 each, thousands of events).</summary>
    public const int DefaultCapacity = 1 << 20;

    internal const string DroppedTemplate = "{DroppedEvents} log events were dropped since {DroppedSince}: stdout did not take them in time";

    private static readonly MessageTemplate DroppedMessageTemplate = new MessageTemplateParser().Parse(DroppedTemplate);
    private static readonly long MaxWaitTicks = (long)(MaxWait.TotalSeconds * Stopwatch.Frequency);

    [ThreadStatic]
    private static CharBufferWriter? t_scratch;

    private readonly ITextFormatter _formatter;
    private readonly LogDestination _destination;
    private readonly LogMetrics _metrics;
    private readonly LogEventProperty[] _reportProperties;
    private readonly object _sync = new();
    private readonly Thread _writer;

    // Producers append to _active; the writer swaps it with _spare (empty) and writes the swapped-out one.
    private char[] _active;
    private char[] _spare;
    private int _activeLength;
    private int _activeEvents;
    private bool _writerWaiting;
    private bool _stalled;
    private bool _completing;
    private long _appended;
    private long _written;
    private long _dropped;
    private DateTimeOffset _droppedSince;
    private int _flushWaiters;

    public BatchingLogSink(ITextFormatter formatter, LogDestination destination, LogMetrics metrics, IEnumerable<LogEventProperty> reportProperties, int capacity = DefaultCapacity)
    {
        _formatter = formatter;
        _destination = destination;
        _metrics = metrics;
        _reportProperties = [new LogEventProperty(Constants.SourceContextPropertyName, new ScalarValue(typeof(BatchingLogSink).Namespace)), .. reportProperties];
        _active = new char[capacity];
        _spare = new char[capacity];
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "ProductionReady log writer" };
        _writer.Start();
    }

    /// <summary>Events dropped so far because stdout did not take them in time.</summary>
    public long DroppedTotal { get; private set; }

    public void Emit(LogEvent logEvent)
    {
        var scratch = t_scratch ??= new CharBufferWriter();
        scratch.Reset();
        _formatter.Format(logEvent, scratch);
        Append(scratch.Written, logEvent.Timestamp);
    }

    /// <summary>
    /// Waits until everything appended so far is written, or until <paramref name="timeout"/> passes;
    /// true when everything was written.
    /// </summary>
    public bool Flush(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        lock (_sync)
        {
            var target = _appended;
            _flushWaiters++;
            try
            {
                Monitor.PulseAll(_sync);
                while (_written < target)
                {
                    var remaining = deadline - Stopwatch.GetTimestamp();
                    if (remaining <= 0 || !_writer.IsAlive)
                    {
                        return false;
                    }

                    Monitor.Wait(_sync, TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency));
                }

                return true;
            }
            finally
            {
                _flushWaiters--;
            }
        }
    }

    /// <summary>Writes what is buffered (and a report of any drops) within <see cref="FlushTimeout"/>, then stops the writer.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            if (_completing)
            {
                return;
            }

            _completing = true;
            Monitor.PulseAll(_sync);
        }

        // A writer blocked on a stalled stdout never returns: it is a background thread, so the process still exits.
        _writer.Join(FlushTimeout);
    }

    private void Append(ReadOnlySpan<char> line, DateTimeOffset timestamp)
    {
        lock (_sync)
        {
            if (_completing && !_writer.IsAlive)
            {
                Drop(timestamp);
                return;
            }

            if (_active.Length - _activeLength < line.Length && !WaitForRoom(line.Length))
            {
                Drop(timestamp);
                return;
            }

            line.CopyTo(_active.AsSpan(_activeLength));
            _activeLength += line.Length;
            _activeEvents++;
            _appended++;
            if (_writerWaiting)
            {
                Monitor.PulseAll(_sync);
            }
        }
    }

    // Under the lock. Waits at most MaxWait for the writer to make room, and not at all once stdout counts as stalled.
    private bool WaitForRoom(int length)
    {
        if (_stalled || length > _active.Length)
        {
            return false;
        }

        var deadline = Stopwatch.GetTimestamp() + MaxWaitTicks;
        while (_active.Length - _activeLength < length)
        {
            var remaining = deadline - Stopwatch.GetTimestamp();
            if (remaining <= 0 || _stalled)
            {
                _stalled = true;
                return false;
            }

            Monitor.Wait(_sync, TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency));
        }

        return true;
    }

    private void Drop(DateTimeOffset timestamp)
    {
        if (_dropped == 0)
        {
            _droppedSince = timestamp;
        }

        _dropped++;
        DroppedTotal++;
        _metrics.Dropped(1);
    }

    private void WriteLoop()
    {
        while (true)
        {
            char[] batch;
            int length;
            int events;
            long dropped;
            DateTimeOffset droppedSince;
            lock (_sync)
            {
                while (_activeLength == 0 && !_completing && _dropped == 0)
                {
                    _writerWaiting = true;
                    Monitor.Wait(_sync);
                    _writerWaiting = false;
                }

                if (_activeLength == 0 && _completing && _dropped == 0)
                {
                    Monitor.PulseAll(_sync);
                    return;
                }

                batch = _active;
                length = _activeLength;
                events = _activeEvents;
                _active = _spare;
                _activeLength = 0;
                _activeEvents = 0;
                dropped = _dropped;
                droppedSince = _droppedSince;
                _dropped = 0;

                // Room was made: callers wait (briefly) again rather than drop.
                _stalled = false;
                Monitor.PulseAll(_sync);
            }

            try
            {
                if (length > 0)
                {
                    _destination.Write(batch.AsSpan(0, length));
                    _metrics.Written(events);
                }

                if (dropped > 0)
                {
                    // Written right after the batch that shows stdout takes writes again.
                    WriteDropReport(dropped, droppedSince);
                }
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException)
            {
                // stdout is gone (the reader closed the pipe): nothing can be written any more; count as dropped.
                lock (_sync)
                {
                    _dropped += events;
                    DroppedTotal += events;
                    _metrics.Dropped(events);
                }
            }

            lock (_sync)
            {
                _spare = batch;
                _written += events;
                if (_flushWaiters > 0 || _completing)
                {
                    Monitor.PulseAll(_sync);
                }
            }
        }
    }

    private void WriteDropReport(long dropped, DateTimeOffset since)
    {
        var report = new LogEvent(
            DateTimeOffset.Now,
            LogEventLevel.Warning,
            null,
            DroppedMessageTemplate,
            [
                new LogEventProperty("DroppedEvents", new ScalarValue(dropped)),
                new LogEventProperty("DroppedSince", new ScalarValue(since)),
                .. _reportProperties,
            ]);
        var output = new CharBufferWriter();
        _formatter.Format(report, output);
        _destination.Write(output.Written);
        _metrics.Written(1);
    }
}
