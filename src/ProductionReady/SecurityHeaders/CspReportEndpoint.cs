using System.Buffers;
using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.RateLimiting;
using ProductionReady.Common;

namespace ProductionReady.SecurityHeaders;

/// <summary>
/// The built-in CSP violation report endpoint. Accepts both formats browsers send:
/// <c>application/csp-report</c> (<c>report-uri</c>: one <c>{"csp-report": {…}}</c>) and
/// <c>application/reports+json</c> (Reporting API: an array of reports of type <c>csp-violation</c>);
/// any other content type gets 415. Bodies over the size limit get 413; reports over a client's budget or
/// the instance's budget get 429 (one event per window says how many); anything unreadable, invalid UTF-8
/// or a lone surrogate included, gets 400 and nothing of it is logged. Each violation is logged as one
/// structured warning, URLs without their query string (it may hold tokens), and counted on the
/// <c>productionready.csp.violations</c> counter of the <c>ProductionReady</c> meter.
/// </summary>
internal sealed class CspReportEndpoint : IDisposable
{
    /// <summary>The meter every ProductionReady capability publishes on.</summary>
    public const string MeterName = "ProductionReady";

    /// <summary>Violations received and logged (the reports refused are not counted).</summary>
    public const string ViolationsCounterName = "productionready.csp.violations";

    /// <summary>Reports a Reporting API body may batch; the rest of a body is dropped.</summary>
    private const int MaxViolationsPerBody = 20;

    /// <summary>Longest text logged from one report field.</summary>
    private const int MaxFieldLength = 300;

    /// <summary>Directive names kept as the counter's tag; anything else is "other" (a report's text is the sender's choice).</summary>
    private static readonly HashSet<string> KnownDirectives = new(StringComparer.OrdinalIgnoreCase)
    {
        "default-src", "script-src", "script-src-elem", "script-src-attr", "style-src", "style-src-elem", "style-src-attr",
        "img-src", "font-src", "connect-src", "media-src", "object-src", "frame-src", "child-src", "worker-src", "manifest-src",
        "frame-ancestors", "form-action", "base-uri", "trusted-types", "require-trusted-types-for", "fenced-frame-src",
    };

    private readonly ILogger _logger;
    private readonly int _maxBodyBytes;
    private readonly TimeSpan _window;
    private readonly PartitionedRateLimiter<string> _perClient;
    private readonly FixedWindowRateLimiter _overall;
    private readonly TimeProvider _time;
    private readonly Counter<long> _violations;
    private readonly Lock _refusalsLock = new();
    private long _refusedByClient;
    private long _refusedOverall;
    private ITimer? _refusalReport;

    public CspReportEndpoint(IOptions<ProductionReadySecurityHeadersOptions> options, ILoggerFactory loggerFactory, IMeterFactory meterFactory, TimeProvider time)
    {
        var reports = options.Value.CspReports;
        _logger = loggerFactory.CreateLogger(SecurityHeadersLog.Category);
        _maxBodyBytes = reports.MaxBodyBytes;
        _time = time;
        _window = TimeSpan.FromMinutes(1);
        _violations = meterFactory.Create(MeterName).CreateCounter<long>(
            ViolationsCounterName, unit: "{violation}", description: "CSP violations received by the built-in report endpoint.");

        // One client's budget first, then the instance's: a noisy client exhausts only its own.
        // (The partitioned limiter drops idle clients' windows itself.)
        _perClient = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(
            client, _ => Window(reports.PermitsPerClientPerMinute)));
        _overall = new FixedWindowRateLimiter(Window(reports.PermitsPerMinute));
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

        if (!IsReportMediaType(request.ContentType))
        {
            Reject(context, StatusCodes.Status415UnsupportedMediaType, "content type is neither application/csp-report nor application/reports+json");
            return;
        }

        if (request.ContentLength > _maxBodyBytes)
        {
            Reject(context, StatusCodes.Status413PayloadTooLarge, "body larger than MaxBodyBytes");
            return;
        }

        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using (var clientLease = _perClient.AttemptAcquire(client))
        using (var overallLease = clientLease.IsAcquired ? _overall.AttemptAcquire() : null)
        {
            if (!clientLease.IsAcquired || overallLease is { IsAcquired: false })
            {
                CountRefusal(byClient: !clientLease.IsAcquired);
                response.Headers.RetryAfter = "60";
                Reject(context, StatusCodes.Status429TooManyRequests, clientLease.IsAcquired ? "over PermitsPerMinute" : "over PermitsPerClientPerMinute");
                return;
            }
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
                Reject(context, StatusCodes.Status400BadRequest, "not a readable CSP report");
                return;
            }

            context.RequestServices?.GetService<ISecurityEvents>()?.Record(SecurityEvent.CspViolation, context);
            response.StatusCode = StatusCodes.Status204NoContent;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose()
    {
        lock (_refusalsLock)
        {
            _refusalReport?.Dispose();
            _refusalReport = null;
        }

        _perClient.Dispose();
        _overall.Dispose();
    }

    /// <summary>
    /// Logs each violation in <paramref name="body"/>; false when it holds none in a known format or a
    /// field cannot be read as text (invalid UTF-8, a lone surrogate): then nothing of it is logged.
    /// </summary>
    internal bool TryLogViolations(ReadOnlySpan<byte> body)
    {
        List<Violation> violations;
        try
        {
            if (!TryRead(body, out violations))
            {
                return false;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // GetString() refuses text that is not valid UTF-8 or UTF-16 (a lone surrogate): a malformed report.
            return false;
        }

        foreach (var v in violations)
        {
            SecurityHeadersLog.CspViolation(_logger, v.Directive, v.Blocked, v.Document, v.Disposition, v.SourceFile, v.Line, v.Sample);
            _violations.Add(1, new KeyValuePair<string, object?>("directive", KnownDirectives.Contains(v.Directive) ? v.Directive.ToLowerInvariant() : "other"));
        }

        return violations.Count > 0;
    }

    private static bool TryRead(ReadOnlySpan<byte> body, out List<Violation> violations)
    {
        violations = [];
        var reader = new Utf8JsonReader(body);
        if (!JsonDocument.TryParseValue(ref reader, out var document))
        {
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("csp-report", out var legacy) && legacy.ValueKind == JsonValueKind.Object)
            {
                violations.Add(Violation.Create(
                    Text(legacy, "effective-directive") ?? Text(legacy, "violated-directive"),
                    Text(legacy, "blocked-uri"),
                    Text(legacy, "document-uri"),
                    Text(legacy, "disposition"),
                    Text(legacy, "source-file"),
                    Number(legacy, "line-number"),
                    Text(legacy, "script-sample")));
                return true;
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var report in root.EnumerateArray())
            {
                if (report.ValueKind != JsonValueKind.Object ||
                    !string.Equals(Text(report, "type"), "csp-violation", StringComparison.Ordinal) ||
                    !report.TryGetProperty("body", out var violation) || violation.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (violations.Count == MaxViolationsPerBody)
                {
                    break;
                }

                violations.Add(Violation.Create(
                    Text(violation, "effectiveDirective"),
                    Text(violation, "blockedURL"),
                    Text(violation, "documentURL") ?? Text(report, "url"),
                    Text(violation, "disposition"),
                    Text(violation, "sourceFile"),
                    Number(violation, "lineNumber"),
                    Text(violation, "sample")));
            }

            return true;
        }
    }

    /// <summary>The two report media types (parameters such as charset allowed).</summary>
    internal static bool IsReportMediaType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) &&
        (string.Equals(parsed.MediaType, "application/csp-report", StringComparison.OrdinalIgnoreCase) ||
         string.Equals(parsed.MediaType, "application/reports+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Counts a refused report; the first refusal of a window starts the timer of the one event that
    /// says, when the window ends, how many were refused.
    /// </summary>
    private void CountRefusal(bool byClient)
    {
        lock (_refusalsLock)
        {
            if (byClient)
            {
                _refusedByClient++;
            }
            else
            {
                _refusedOverall++;
            }

            _refusalReport ??= _time.CreateTimer(_ => ReportRefusals(), null, _window, Timeout.InfiniteTimeSpan);
        }
    }

    private void ReportRefusals()
    {
        long byClient, overall;
        lock (_refusalsLock)
        {
            (byClient, overall) = (_refusedByClient, _refusedOverall);
            (_refusedByClient, _refusedOverall) = (0, 0);
            _refusalReport?.Dispose();
            _refusalReport = null;
        }

        if (byClient + overall > 0)
        {
            SecurityHeadersLog.CspReportsRefused(_logger, byClient + overall, _window.TotalSeconds, byClient, overall);
        }
    }

    private void Reject(HttpContext context, int statusCode, string reason)
    {
        context.Response.StatusCode = statusCode;
        SecurityHeadersLog.CspReportRejected(_logger, statusCode, reason);
    }

    private FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = _window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

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

    /// <summary>One violation's fields as they are logged: clipped, URLs without query.</summary>
    private readonly record struct Violation(string Directive, string Blocked, string Document, string Disposition, string SourceFile, int Line, string Sample)
    {
        public static Violation Create(string? directive, string? blocked, string? document, string? disposition, string? sourceFile, int line, string? sample) => new(
            Clip(directive), Clip(WithoutQuery(blocked)), Clip(WithoutQuery(document)), Clip(disposition), Clip(WithoutQuery(sourceFile)), line, Clip(sample));
    }
}
