using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Net.Http.Headers;
using ProductionReady.Common;

namespace ProductionReady.Health;

/// <summary>
/// Answers the probe paths and short-circuits them, so they run ahead of whatever the app adds
/// after <c>UseProductionReady</c> (HTTPS redirection, authentication, rate limiting): kubelets
/// probe over plain HTTP without credentials. Every other request passes straight through (during the shutdown drain with
/// <c>Connection: close</c>, so keep-alive clients move to fresh connections).
/// </summary>
internal sealed class ProbeMiddleware
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private readonly RequestDelegate _next;
    private readonly ProbePaths _paths;
    private readonly ApplicationAvailability _availability;
    private readonly HealthEvaluations _evaluations;
    private readonly HealthProbeAnswers _answers;
    private readonly ProbeResponses _responses;
    private readonly HealthReportWriter _reportWriter;
    private readonly ReportDetailsGate _detailsGate;
    private readonly ILogger _logger;

    public ProbeMiddleware(
        RequestDelegate next,
        IOptions<ProductionReadyHealthOptions> options,
        ApplicationAvailability availability,
        HealthEvaluations evaluations,
        HealthProbeAnswers answers,
        ProbeResponses responses,
        HealthReportWriter reportWriter,
        ReportDetailsGate detailsGate,
        ILoggerFactory loggerFactory)
    {
        _next = next;
        _paths = new ProbePaths(options.Value);
        _availability = availability;
        _evaluations = evaluations;
        _answers = answers;
        _responses = responses;
        _reportWriter = reportWriter;
        _detailsGate = detailsGate;
        _logger = loggerFactory.CreateLogger(HealthLog.Category);
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (_availability.Phase == ApplicationPhase.Stopping)
        {
            CloseAfterResponse(context);
        }

        var kind = _paths.Match(context.Request.Path);
        return kind == ProbeKind.None ? _next(context) : AnswerAsync(context, kind);
    }

    /// <summary>
    /// From the moment shutdown begins, every HTTP/1.x response asks the client to close its
    /// persistent connection, so load balancers and clients move their next request to a fresh
    /// connection (routed elsewhere) instead of losing it when the server stops. HTTP/2 and HTTP/3 forbid
    /// the header; Kestrel sends them GOAWAY when it stops.
    /// </summary>
    private static void CloseAfterResponse(HttpContext context)
    {
        var protocol = context.Request.Protocol;
        if (HttpProtocol.IsHttp11(protocol) || HttpProtocol.IsHttp10(protocol))
        {
            context.Response.Headers.Connection = "close";
        }
    }

    private async Task AnswerAsync(HttpContext context, ProbeKind kind)
    {
        context.Features.Set(kind switch
        {
            ProbeKind.Live => ProbeRequestFeature.Live,
            ProbeKind.Ready => ProbeRequestFeature.Ready,
            ProbeKind.Startup => ProbeRequestFeature.Startup,
            _ => ProbeRequestFeature.Report,
        });
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        HealthStatus status;
        ReadOnlyMemory<byte> body;
        if (kind == ProbeKind.Report)
        {
            (status, body) = await ReportAsync(context).ConfigureAwait(false);
        }
        else
        {
            ProbeReason reason;
            (status, reason) = kind switch
            {
                ProbeKind.Live => await _answers.LiveAsync().ConfigureAwait(false),
                ProbeKind.Ready => await _answers.ReadyAsync().ConfigureAwait(false),
                _ => _answers.Startup(),
            };
            body = _responses.Body(status, reason);
        }

        response.StatusCode = status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        HealthLog.ProbeAnswered(_logger, kind, response.StatusCode, status);
        if (!HttpMethods.IsHead(method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task<(HealthStatus, ReadOnlyMemory<byte>)> ReportAsync(HttpContext context)
    {
        var report = await _evaluations.All.GetAsync().ConfigureAwait(false);
        // Agrees with readiness: broken, or draining for shutdown, is Unhealthy whatever the checks say.
        var status = _availability.IsBroken || _availability.Phase == ApplicationPhase.Stopping ? HealthStatus.Unhealthy : report.Status;
        var details = await _detailsGate.AllowsAsync(context).ConfigureAwait(false);
        return (status, details ? _reportWriter.Detailed(status, report, _availability) : HealthReportWriter.StatusOnly(status));
    }
}
