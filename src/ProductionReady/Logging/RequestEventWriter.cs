using System.Diagnostics;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace ProductionReady.Logging;

/// <summary>
/// Writes the request-completion event straight into ProductionReady's Serilog pipeline when it is the
/// logging pipeline: the same event Microsoft.Extensions.Logging would produce (template, properties,
/// <c>EventId</c>, <c>SourceContext</c>, trace ids), without the generic state enumeration and re-parsing,
/// with the template parsed once and the common values (methods, status codes) built once.
/// Levels are still decided by Microsoft.Extensions.Logging's filters for the category.
/// </summary>
internal sealed class RequestEventWriter
{
    private static readonly MessageTemplate Template = new MessageTemplateParser().Parse(RequestCompletedState.Template);

    private static readonly LogEventProperty EventIdProperty = new(
        "EventId",
        new StructureValue([new LogEventProperty("Id", new ScalarValue(1)), new LogEventProperty("Name", new ScalarValue("RequestCompleted"))]));

    private static readonly Dictionary<string, ScalarValue> Methods = new[] { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT" }
        .ToDictionary(m => m, m => new ScalarValue(m), StringComparer.Ordinal);

    private static readonly ScalarValue[] StatusCodes = [.. Enumerable.Range(0, 600).Select(code => new ScalarValue(code))];

    private readonly Serilog.ILogger _logger;

    public RequestEventWriter(Serilog.ILogger pipeline, string category) =>
        _logger = pipeline.ForContext(Constants.SourceContextPropertyName, category);

    /// <summary>Writes the event; false when Serilog's own minimum level (a <c>Serilog</c> section) filters it out.</summary>
    public bool Write(LogLevel level, string method, string path, int statusCode, double elapsedMs, string requestId, Exception? exception)
    {
        var serilogLevel = level switch
        {
            LogLevel.Trace => LogEventLevel.Verbose,
            LogLevel.Debug => LogEventLevel.Debug,
            LogLevel.Information => LogEventLevel.Information,
            LogLevel.Warning => LogEventLevel.Warning,
            LogLevel.Error => LogEventLevel.Error,
            _ => LogEventLevel.Fatal,
        };
        if (!_logger.IsEnabled(serilogLevel))
        {
            return false;
        }

        var activity = Activity.Current;
        var logEvent = new LogEvent(
            DateTimeOffset.Now,
            serilogLevel,
            exception,
            Template,
            [
                new LogEventProperty(LogPropertyNames.RequestMethod, Methods.TryGetValue(method, out var known) ? known : new ScalarValue(method)),
                new LogEventProperty(LogPropertyNames.RequestPath, new ScalarValue(path)),
                new LogEventProperty(LogPropertyNames.StatusCode, (uint)statusCode < (uint)StatusCodes.Length ? StatusCodes[statusCode] : new ScalarValue(statusCode)),
                new LogEventProperty(LogPropertyNames.ElapsedMs, new ScalarValue(elapsedMs)),
                new LogEventProperty(LogPropertyNames.RequestId, new ScalarValue(requestId)),
                EventIdProperty,
            ],
            activity?.TraceId ?? default,
            activity?.SpanId ?? default);
        _logger.Write(logEvent);
        return true;
    }
}
