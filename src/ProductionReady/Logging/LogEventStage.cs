using ProductionReady.Common;
using Serilog.Core;
using Serilog.Events;

namespace ProductionReady.Logging;

/// <summary>
/// The last step before any sink: adds what every event carries (service name, version, environment;
/// within a request its <c>RequestId</c> and <c>RequestPath</c>), then masks secrets. Runs after all of
/// Microsoft.Extensions.Logging's and Serilog's enrichment, so its request id wins over the one ASP.NET
/// Core's hosting scope captured before the request-id middleware ran.
/// </summary>
internal sealed class LogEventStage : ILogEventSink, IDisposable
{
    private readonly ILogEventSink _next;
    private readonly SecretMasker _masker;
    private readonly IHttpContextAccessor? _httpContext;
    private readonly LogEventProperty[] _identity;

    public LogEventStage(ILogEventSink next, SecretMasker masker, ServiceIdentity identity, IHttpContextAccessor? httpContext)
    {
        _next = next;
        _masker = masker;
        _httpContext = httpContext;
        _identity = IdentityProperties(identity);
    }

    /// <summary>The service's identity as the properties every event carries (here, and on the writer's own events).</summary>
    public static LogEventProperty[] IdentityProperties(ServiceIdentity identity) =>
    [
        new LogEventProperty(LogPropertyNames.ServiceName, new ScalarValue(identity.Name)),
        new LogEventProperty(LogPropertyNames.ServiceVersion, new ScalarValue(identity.Version)),
        new LogEventProperty(LogPropertyNames.Environment, new ScalarValue(identity.Environment)),
    ];

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Exception is not null &&
            logEvent.Properties.TryGetValue(Serilog.Core.Constants.SourceContextPropertyName, out var source) &&
            ReportedExceptions.IsServerRepeat(logEvent.Exception, (source as ScalarValue)?.Value as string))
        {
            return;
        }

        foreach (var property in _identity)
        {
            logEvent.AddPropertyIfAbsent(property);
        }

        if (_httpContext?.HttpContext is { } context)
        {
            // Overwrites what ASP.NET Core's hosting scope captured before the request id was settled;
            // left alone when the event already says the same (the completion event does).
            var requestId = context.TraceIdentifier;
            if (!Holds(logEvent, LogPropertyNames.RequestId, requestId))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(LogPropertyNames.RequestId, new ScalarValue(requestId)));
            }

            var path = RequestPath(context.Request);
            if (!Holds(logEvent, LogPropertyNames.RequestPath, path))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(LogPropertyNames.RequestPath, new ScalarValue(path)));
            }
        }

        _next.Emit(_masker.Apply(logEvent));
    }

    public void Dispose() => (_next as IDisposable)?.Dispose();

    private static bool Holds(LogEvent logEvent, string name, string value) =>
        logEvent.Properties.TryGetValue(name, out var current) && current is ScalarValue { Value: string s } && string.Equals(s, value, StringComparison.Ordinal);

    internal static string RequestPath(HttpRequest request) =>
        request.PathBase.HasValue ? (request.PathBase + request.Path).ToString() : request.Path.Value ?? "/";
}
