using System.Buffers;
using System.Text.Json;
using System.Threading.RateLimiting;

namespace ProductionReady.Headers;

/// <summary>
/// The built-in CSP violation report endpoint. Accepts both formats browsers send:
/// <c>application/csp-report</c> (<c>report-uri</c>: one <c>{"csp-report": {…}}</c>) and
/// <c>application/reports+json</c> (Reporting API: an array of reports of type <c>csp-violation</c>).
/// Bodies over the size limit get 413, reports over the rate limit 429, anything unreadable 400; each
/// violation is logged as one structured warning, URLs without their query string (it may hold tokens).
/// </summary>
internal sealed class CspReportEndpoint : IDisposable
{
    /// <summary>Reports a Reporting API body may batch; the rest of a body is dropped.</summary>
    private const int MaxViolationsPerBody = 20;

    /// <summary>Longest text logged from one report field.</summary>
    private const int MaxFieldLength = 300;

    private readonly ILogger _logger;
    private readonly int _maxBodyBytes;
    private readonly FixedWindowRateLimiter _limiter;

    public CspReportEndpoint(IOptions<SecurityHeadersOptions> options, ILoggerFactory loggerFactory)
    {
        var reports = options.Value.CspReports;
        _logger = loggerFactory.CreateLogger(SecurityHeadersLog.Category);
        _maxBodyBytes = reports.MaxBodyBytes;
        _limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = reports.PermitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "POST";
            Reject(context, StatusCodes.Status405MethodNotAllowed, "only POST is accepted");
            return;
        }

        if (request.ContentLength > _maxBodyBytes)
        {
            Reject(context, StatusCodes.Status413PayloadTooLarge, "body larger than MaxBodyBytes");
            return;
        }

        using var lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            response.Headers.RetryAfter = "60";
            Reject(context, StatusCodes.Status429TooManyRequests, "over PermitsPerMinute");
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(_maxBodyBytes + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length, _maxBodyBytes + 1 - length), context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > _maxBodyBytes)
                {
                    Reject(context, StatusCodes.Status413PayloadTooLarge, "body larger than MaxBodyBytes");
                    return;
                }
            }

            if (!TryLogViolations(buffer.AsSpan(0, length)))
            {
                Reject(context, StatusCodes.Status400BadRequest, "not a CSP report (application/csp-report or application/reports+json)");
                return;
            }

            response.StatusCode = StatusCodes.Status204NoContent;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>Logs each violation in <paramref name="body"/>; false when it holds none in a known format.</summary>
    internal bool TryLogViolations(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!JsonDocument.TryParseValue(ref reader, out var parsed))
            {
                return false;
            }

            document = parsed;
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("csp-report", out var legacy) && legacy.ValueKind == JsonValueKind.Object)
            {
                LogViolation(
                    Text(legacy, "effective-directive") ?? Text(legacy, "violated-directive"),
                    Text(legacy, "blocked-uri"),
                    Text(legacy, "document-uri"),
                    Text(legacy, "disposition"),
                    Text(legacy, "source-file"),
                    Number(legacy, "line-number"),
                    Text(legacy, "script-sample"));
                return true;
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var logged = 0;
            foreach (var report in root.EnumerateArray())
            {
                if (report.ValueKind != JsonValueKind.Object ||
                    !string.Equals(Text(report, "type"), "csp-violation", StringComparison.Ordinal) ||
                    !report.TryGetProperty("body", out var violation) || violation.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (logged++ == MaxViolationsPerBody)
                {
                    break;
                }

                LogViolation(
                    Text(violation, "effectiveDirective"),
                    Text(violation, "blockedURL"),
                    Text(violation, "documentURL") ?? Text(report, "url"),
                    Text(violation, "disposition"),
                    Text(violation, "sourceFile"),
                    Number(violation, "lineNumber"),
                    Text(violation, "sample"));
            }

            return logged > 0;
        }
    }

    private void LogViolation(string? directive, string? blocked, string? document, string? disposition, string? sourceFile, int line, string? sample) =>
        SecurityHeadersLog.CspViolation(
            _logger,
            Clip(directive),
            Clip(WithoutQuery(blocked)),
            Clip(WithoutQuery(document)),
            Clip(disposition),
            Clip(WithoutQuery(sourceFile)),
            line,
            Clip(sample));

    private void Reject(HttpContext context, int statusCode, string reason)
    {
        context.Response.StatusCode = statusCode;
        SecurityHeadersLog.CspReportRejected(_logger, statusCode, reason);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;

    /// <summary>A URL without query string and fragment: they may carry tokens or personal data.</summary>
    internal static string? WithoutQuery(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var cut = url.AsSpan().IndexOfAny('?', '#');
        return cut >= 0 ? url[..cut] : url;
    }

    private static string Clip(string? value) =>
        string.IsNullOrEmpty(value) ? "-" : value.Length <= MaxFieldLength ? value : string.Concat(value.AsSpan(0, MaxFieldLength), "…");
}
