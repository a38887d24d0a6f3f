using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace ProductionReady.Logging;

/// <summary>
/// Formats each event into a reused buffer and writes it to the destination as one write: no intermediate
/// string per event, and a line is either written whole or not at all.
/// </summary>
internal sealed class ConsoleLineSink : ILogEventSink, IDisposable
{
    private readonly ITextFormatter _formatter;
    private readonly LogDestination _destination;
    private readonly CharBufferWriter _buffer = new();
    private readonly Lock _sync = new();

    public ConsoleLineSink(ITextFormatter formatter, LogDestination destination)
    {
        _formatter = formatter;
        _destination = destination;
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_sync)
        {
            _buffer.Reset();
            _formatter.Format(logEvent, _buffer);
            _destination.Write(_buffer.Written);
        }
    }

    // Nothing is held back (each event is flushed as it is written); the buffer has no resources.
    public void Dispose() => _buffer.Dispose();
}
