using Microsoft.AspNetCore.Http.Features;
using ProductionReady.Common;

namespace ProductionReady.Logging;

/// <summary>
/// Gives every request an id (the incoming <c>X-Request-ID</c> when well-formed, else a new one), echoes it,
/// makes it the request's <see cref="HttpContext.TraceIdentifier"/> (so every event of the request carries it
/// as <c>RequestId</c>), and writes one completion event per request: Information, Warning for 5xx and slow
/// requests (never for WebSockets: their time is the connection's lifetime), Error with the exception for
/// unhandled ones; a gRPC call carries its <c>grpc-status</c> and its level (<see cref="GrpcCallStatus"/>). Probes (requests Health marks with
/// <see cref="ProbeRequestFeature"/>) and <see cref="ProductionReadyLoggingOptions.ExcludedPaths"/> get an id but no event.
/// </summary>
/// <remarks>
/// Everything that can be decided once is decided at construction. Per request: no allocation when the
/// caller sent a valid id (one 32-character string otherwise), no async state machine when the rest of the
/// pipeline completes synchronously.
/// </remarks>
internal sealed class RequestLoggingMiddleware
{
    internal const string Category = "ProductionReady.RequestLogging";

    internal static readonly EventId RequestCompleted = new(4001, "RequestCompleted");

    private readonly RequestDelegate _next;
    private readonly ILogger _logger;
    private readonly string _header;
    private readonly string[] _excludedPaths;
    private readonly long _slowTicks;
    private readonly bool _answersUnhandled;
    private readonly Func<object, Task> _reapplyRequestId;
    private readonly TimeProvider _time;

    public RequestLoggingMiddleware(RequestDelegate next, ILoggerFactory loggerFactory, IOptions<ProductionReadyLoggingOptions> options, IServiceProvider services)
    {
        _next = next;

        // In Development the developer exception page sits outside every middleware (WebApplication adds it
        // first): it must see the exception. Elsewhere nothing outside answers it but the server, whose bare 500
        // drops every header, so this middleware answers it.
        _answersUnhandled = services.GetService<IHostEnvironment>()?.IsDevelopment() != true;
        _reapplyRequestId = ReapplyRequestId;
        _logger = loggerFactory.CreateLogger(Category);
        var settings = options.Value;
        _header = settings.RequestIdHeader;
        _excludedPaths = [.. settings.ExcludedPaths.Select(RequestPaths.Normalize)];
        // The host's clock (a test's fake one advances by itself when a request should count as slow).
        _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _slowTicks = (long)(settings.SlowRequestThreshold.TotalSeconds * _time.TimestampFrequency);
    }

    public Task InvokeAsync(HttpContext context)
    {
        var requestId = RequestIds.Accept(context.Request.Headers[_header]) ?? RequestIds.New();
        context.TraceIdentifier = requestId;
        context.Response.Headers[_header] = requestId;

        // Error responses (exception handler, developer exception page, ours) clear the headers first.
        context.Response.OnStarting(_reapplyRequestId, context);

        if (IsExcluded(context.Request.Path))
        {
            return _next(context);
        }

        var start = _time.GetTimestamp();
        Task pending;
        try
        {
            pending = _next(context);
        }
        catch (Exception exception) when (LogUnhandled(context, start, exception))
        {
            // Logged in the filter, before unwinding; answered here with a 500 the outer middleware can decorate.
            return AnswerServerErrorAsync(context);
        }

        if (pending.IsCompletedSuccessfully)
        {
            LogCompleted(context, start);
            return Task.CompletedTask;
        }

        return AwaitAndLog(pending, context, start);
    }

    private async Task AwaitAndLog(Task pending, HttpContext context, long start)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception exception) when (LogUnhandled(context, start, exception))
        {
            await AnswerServerErrorAsync(context).ConfigureAwait(false);
            return;
        }

        LogCompleted(context, start);
    }

    // An exception nothing inside turned into a response: a plain 500 of our own instead of the server's, so
    // that it goes through response start like any other response (the security headers, the request id).
    private static Task AnswerServerErrorAsync(HttpContext context)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status500InternalServerError;
        response.ContentLength = 0;
        return Task.CompletedTask;
    }

    // The id comes back at response start, whatever cleared the headers before.
    private Task ReapplyRequestId(object state)
    {
        var context = (HttpContext)state;
        context.Response.Headers[_header] = context.TraceIdentifier;
        return Task.CompletedTask;
    }

    private bool IsExcluded(PathString path) => RequestPaths.IsOneOf(path, _excludedPaths);

    private void LogCompleted(HttpContext context, long start)
    {
        // Probes are marked where they are answered (Health sets the feature), whatever their configured paths.
        if (context.Features.Get<ProbeRequestFeature>() is not null)
        {
            return;
        }

        var elapsed = _time.GetTimestamp() - start;
        var status = context.Response.StatusCode;
        var grpcStatus = GrpcCallStatus.Read(context);
        var level = grpcStatus is { } call ? GrpcCallStatus.Level(call) : LogLevel.Information;

        // An upgraded request's time is the connection's lifetime (a WebSocket, a SignalR or Blazor circuit), not a slow answer.
        if (status >= 500 || (elapsed > _slowTicks && !IsUpgraded(context, status)))
        {
            level = level > LogLevel.Warning ? level : LogLevel.Warning;
        }

        Write(level, context, status, elapsed, exception: null, grpcStatus);
    }

    /// <summary>A WebSocket: 101 Switching Protocols over HTTP/1.1, an extended CONNECT over HTTP/2 and HTTP/3.</summary>
    private static bool IsUpgraded(HttpContext context, int status) =>
        status == StatusCodes.Status101SwitchingProtocols ||
        context.Features.Get<IHttpExtendedConnectFeature>()?.IsExtendedConnect == true;

    // Runs inside the exception filter: before unwinding, so the request's Activity and context are still current.
    // True when this middleware then answers the request itself (the response has not started yet).
    private bool LogUnhandled(HttpContext context, long start, Exception exception)
    {
        var started = context.Response.HasStarted;
        var status = started ? context.Response.StatusCode : StatusCodes.Status500InternalServerError;
        if (Write(LogLevel.Error, context, status, _time.GetTimestamp() - start, exception))
        {
            ReportedExceptions.Add(exception);
        }

        if (started)
        {
            return false;
        }

        return _answersUnhandled && !context.RequestAborted.IsCancellationRequested;
    }

    /// <summary>Writes the completion event; false when the level is filtered out.</summary>
    private bool Write(LogLevel level, HttpContext context, int status, long elapsedTicks, Exception? exception, int? grpcStatus = null)
    {
        if (!_logger.IsEnabled(level))
        {
            return false;
        }

        var elapsedMs = Math.Round(elapsedTicks * 1000.0 / _time.TimestampFrequency, 3);
        var path = LogEventStage.RequestPath(context.Request);

        // Through ILogger, so every logging provider (OpenTelemetry's included) receives it.
        var state = new RequestCompletedState(context.Request.Method, path, status, elapsedMs, context.TraceIdentifier, grpcStatus);
        _logger.Log(level, RequestCompleted, state, exception, RequestCompletedState.Formatter);
        return true;
    }
}
