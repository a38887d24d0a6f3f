using Serilog.Extensions.Logging;

namespace ProductionReady.Logging;

/// <summary>
/// ProductionReady's logging provider: Serilog.Extensions.Logging's provider over the <see cref="LogPipeline"/>, except
/// that the request completion event is written straight to CLEF by <see cref="RequestEventWriter"/> where the pipeline
/// has one (it is ProductionReady's alone). Keeps Serilog's provider alias, so <c>Logging:Serilog:LogLevel</c> filters
/// still apply to it.
/// </summary>
[ProviderAlias("Serilog")]
internal sealed class PipelineLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly SerilogLoggerProvider _serilog;
    private readonly RequestEventWriter? _requestEvents;
    private IExternalScopeProvider? _scopes;

    public PipelineLoggerProvider(LogPipeline pipeline)
    {
        _serilog = new SerilogLoggerProvider(pipeline.Logger, dispose: false);
        _requestEvents = pipeline.RequestEvents;
    }

    public ILogger CreateLogger(string categoryName)
    {
        var logger = _serilog.CreateLogger(categoryName);
        return _requestEvents is not null && string.Equals(categoryName, RequestLoggingMiddleware.Category, StringComparison.Ordinal)
            ? new RequestEventLogger(logger, _requestEvents, this)
            : logger;
    }

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        _scopes = scopeProvider;
        _serilog.SetScopeProvider(scopeProvider);
    }

    public void Dispose() => _serilog.Dispose();

    /// <summary>The request logging category's logger: its completion event written directly, anything else Serilog's way.</summary>
    private sealed class RequestEventLogger : ILogger
    {
        private readonly ILogger _serilog;
        private readonly RequestEventWriter _writer;
        private readonly PipelineLoggerProvider _provider;

        public RequestEventLogger(ILogger serilog, RequestEventWriter writer, PipelineLoggerProvider provider)
        {
            _serilog = serilog;
            _writer = writer;
            _provider = provider;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => _serilog.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => _serilog.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // A masked event arrives as MaskedLogState, an unhandled exception with its exception: both Serilog's way.
            if (typeof(TState) == typeof(RequestCompletedState) && exception is null
                && _writer.TryWrite(logLevel, eventId, System.Runtime.CompilerServices.Unsafe.As<TState, RequestCompletedState>(ref state), _provider._scopes))
            {
                return;
            }

            _serilog.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
