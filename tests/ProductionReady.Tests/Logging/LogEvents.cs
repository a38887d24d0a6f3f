using Serilog.Core;
using Serilog.Events;

namespace ProductionReady.Tests.Logging;

/// <summary>Helpers for Serilog events in tests.</summary>
internal static class LogEvents
{
    /// <summary>A Serilog sink that keeps every event it receives (an app's own sink, in the tests).</summary>
    internal sealed class CollectingSink : ILogEventSink
    {
        private readonly List<LogEvent> _events = [];

        public IReadOnlyList<LogEvent> Events
        {
            get
            {
                lock (_events)
                {
                    return [.. _events];
                }
            }
        }

        public void Emit(LogEvent logEvent)
        {
            lock (_events)
            {
                _events.Add(logEvent);
            }
        }
    }
}
