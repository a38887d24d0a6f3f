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
/// A caller does not wait on stdout: when the buffer has room (the normal case) appending is a copy under a
/// short lock. Only when it is full does the caller wait for the writer to make room, for as long as stdout keeps
/// taking writes (backpressure from a slow reader, never a drop); once one write has taken
/// <see cref="StallTimeout"/>, stdout counts as stalled and every further caller drops its event at once,
/// without waiting, until the writer completes a write again. Dropped events are counted, and
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
    /// <summary>
    /// How long one write to stdout may take (with the buffer full) before stdout counts as stalled: a waiting call
    /// then drops its event, and later calls drop theirs at once, until stdout takes a write again. Long enough that a
    /// reader starved of CPU on a busy machine, but still reading, is waited for.
    /// </summary>
    public static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(1);

    /// <summary>How long disposal (host shutdown) and the process-exit hooks wait for stdout to take what is buffered.</summary>
    public static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Characters the buffer holds: 4 MiB of UTF-16, several thousand events.</summary>
    public const int DefaultCapacity = 2 << 20;

    // How long the writer lets events gather after being woken for a few.
    private static readonly TimeSpan GatherDelay = TimeSpan.FromMilliseconds(1);

    // The most the writer hands the destination in one call (more when a single event is longer).
    private const int BatchChars = 8 * 1024;

    internal const string DroppedTemplate = "{DroppedEvents} log events were dropped since {DroppedSince}: stdout did not take them in time";

    private static readonly System.Buffers.SearchValues<char> UnicodeLineBreaks = System.Buffers.SearchValues.Create("\u0085\u2028\u2029");

    private static readonly MessageTemplate DroppedMessageTemplate = new MessageTemplateParser().Parse(DroppedTemplate);
    private static readonly long StallTicks = (long)(StallTimeout.TotalSeconds * Stopwatch.Frequency);

    [ThreadStatic]
    private static CharBufferWriter? t_scratch;

    private readonly ITextFormatter _formatter;
    private readonly LogDestination _destination;
    private readonly LogMetrics _metrics;
    private readonly LogEventProperty[] _reportProperties;
    private readonly object _sync = new();
    private readonly Thread _writer;

    // A ring of formatted lines: producers append at the tail, the writer takes whole events from the head,
    // a batch at a time, and frees their room as soon as the batch is written.
    private readonly char[] _ring;
    private readonly Queue<int> _eventLengths = new();
    private int _head;
    private int _count;
    private char[] _batch = new char[BatchChars];
    private bool _writerWaiting;
    private bool _stalled;
    private bool _completing;
    private long _appended;
    private long _written;
    private long _dropped;
    private DateTimeOffset _droppedSince;
    private int _flushWaiters;
    private long _writeStarted;

    public BatchingLogSink(ITextFormatter formatter, LogDestination destination, LogMetrics metrics, IEnumerable<LogEventProperty> reportProperties, int capacity = DefaultCapacity)
    {
        _formatter = formatter;
        _destination = destination;
        _metrics = metrics;
        _reportProperties = [new LogEventProperty(Constants.SourceContextPropertyName, new ScalarValue(typeof(BatchingLogSink).Namespace)), .. reportProperties];
        _ring = new char[capacity];
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "ProductionReady log writer" };
        _writer.Start();
    }

    /// <summary>Events dropped so far because stdout did not take them in time.</summary>
    public long DroppedTotal { get; private set; }

    public void Emit(LogEvent logEvent)
    {
        var scratch = Scratch();
        _formatter.Format(logEvent, scratch);
        EmitFormatted(scratch.Written, logEvent.Timestamp);
    }

    /// <summary>This thread's empty buffer to format one event into (then handed to <see cref="EmitFormatted"/>).</summary>
    public static CharBufferWriter Scratch()
    {
        var scratch = t_scratch ??= new CharBufferWriter();
        scratch.Reset();
        return scratch;
    }

    /// <summary>Appends one event already formatted (a whole line, its line break included), as <see cref="Emit"/> does.</summary>
    public void EmitFormatted(ReadOnlySpan<char> line, DateTimeOffset timestamp)
    {
        if (line.IndexOfAny(UnicodeLineBreaks) >= 0)
        {
            line = EscapeUnicodeLineBreaks(line);
        }

        Append(line, timestamp);
    }

    // JSON allows U+0085, U+2028 and U+2029 raw inside strings, but readers that split lines on Unicode line breaks
    // (many log shippers, JavaScript before ES2019) would cut the event in two: written as \u escapes, which are
    // the same JSON string. They only ever occur inside a string value, so escaping them keeps the line valid.
    private static ReadOnlySpan<char> EscapeUnicodeLineBreaks(ReadOnlySpan<char> line)
    {
        var escaped = new System.Text.StringBuilder(line.Length + 16);
        foreach (var c in line)
        {
            if (UnicodeLineBreaks.Contains(c))
            {
                escaped.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
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

            if (_ring.Length - _count < line.Length && !WaitForRoom(line.Length))
            {
                Drop(timestamp);
                return;
            }

            var tail = (_head + _count) % _ring.Length;
            var first = Math.Min(line.Length, _ring.Length - tail);
            line[..first].CopyTo(_ring.AsSpan(tail));
            line[first..].CopyTo(_ring);
            _count += line.Length;
            _eventLengths.Enqueue(line.Length);
            _appended++;
            if (_writerWaiting)
            {
                Monitor.PulseAll(_sync);
            }
        }
    }

    // Under the lock. Waits for room while stdout keeps taking writes, however slowly (a reader that is slow because the
    // machine is busy is not a stalled reader), and not at all once it counts as stalled: the writer has been inside
    // one write for StallTimeout, so stdout has taken nothing for that long.
    private bool WaitForRoom(int length)
    {
        if (_stalled || length > _ring.Length)
        {
            return false;
        }

        while (_ring.Length - _count < length)
        {
            var now = Stopwatch.GetTimestamp();
            var writing = Volatile.Read(ref _writeStarted);
            var stallAt = writing == 0 ? long.MaxValue : writing + StallTicks;
            if (now >= stallAt || _stalled)
            {
                _stalled = true;
                return false;
            }

            // Woken by every completed write; re-checked at least every StallTimeout while the writer is between writes.
            Monitor.Wait(_sync, TimeSpan.FromSeconds((double)Math.Min(stallAt - now, StallTicks) / Stopwatch.Frequency));
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
            int length = 0;
            int events = 0;
            long dropped;
            DateTimeOffset droppedSince;
            lock (_sync)
            {
                while (_count == 0 && !_completing && _dropped == 0)
                {
                    _writerWaiting = true;
                    Monitor.Wait(_sync);
                    _writerWaiting = false;
                }
            }

            // Woken for a few events: let more gather for a moment (a log line may reach stdout a millisecond
            // later) instead of waking this thread, and the callers that signal it, once per event under load.
            if (Volatile.Read(ref _count) < BatchChars && !Volatile.Read(ref _completing) && Volatile.Read(ref _flushWaiters) == 0)
            {
                Thread.Sleep(GatherDelay);
            }

            lock (_sync)
            {
                if (_count == 0 && _completing && _dropped == 0)
                {
                    Monitor.PulseAll(_sync);
                    return;
                }

                // Whole events, up to BatchChars (at least one), copied out so the ring's wrap never splits a line.
                while (_eventLengths.TryPeek(out var next) && (length == 0 || length + next <= BatchChars))
                {
                    _eventLengths.Dequeue();
                    length += next;
                    events++;
                }

                if (_batch.Length < length)
                {
                    _batch = new char[length];
                }

                var first = Math.Min(length, _ring.Length - _head);
                _ring.AsSpan(_head, first).CopyTo(_batch);
                _ring.AsSpan(0, length - first).CopyTo(_batch.AsSpan(first));
                dropped = _dropped;
                droppedSince = _droppedSince;
                _dropped = 0;
            }

            var failed = false;
            try
            {
                if (length > 0)
                {
                    Volatile.Write(ref _writeStarted, Stopwatch.GetTimestamp());
                    _destination.Write(_batch.AsSpan(0, length));
                    Volatile.Write(ref _writeStarted, 0);
                    _metrics.Written(events);
                }

                if (dropped > 0)
                {
                    // Written right after a batch that shows stdout takes writes again (or alone, at shutdown).
                    WriteDropReport(dropped, droppedSince);
                }
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException)
            {
                Volatile.Write(ref _writeStarted, 0);
                // stdout is gone (the reader closed the pipe): these events are lost; counted, not reported.
                failed = true;
            }

            lock (_sync)
            {
                _head = (_head + length) % _ring.Length;
                _count -= length;
                _written += events;
                if (failed)
                {
                    DroppedTotal += events;
                    _metrics.Dropped(events);
                }

                if (_batch.Length > 4 * BatchChars)
                {
                    _batch = new char[BatchChars];
                }

                // Room was made: callers wait (briefly) again rather than drop.
                _stalled = false;
                Monitor.PulseAll(_sync);
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
