using System.Diagnostics.Metrics;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace ProductionReady.RateLimits;

/// <summary>
/// Answers a rejected request: 429 with <c>Retry-After</c> and a ProblemDetails body (the framework's
/// default is a bare 503, which tells a client nothing and looks like an outage), counts it on the
/// <c>productionready.ratelimit.rejections</c> counter tagged with the policy name only (a client tag
/// would make one time series per caller), and hands it to the summary log.
/// </summary>
internal sealed class RateLimitRejections
{
    /// <summary>The counter's name on the <c>ProductionReady</c> meter.</summary>
    public const string CounterName = "productionready.ratelimit.rejections";

    private const string MeterName = "ProductionReady";
    private readonly Counter<long> _rejections;
    private readonly RateLimitRejectionLog _log;

    public RateLimitRejections(IMeterFactory meterFactory, RateLimitRejectionLog log)
    {
        _rejections = meterFactory.Create(MeterName).CreateCounter<long>(CounterName, "{request}", "Requests rejected by a rate limit, by policy.");
        _log = log;
    }

    /// <summary>The handler for rejections the presets did not answer themselves (Identity's <c>auth</c>, the global limit, the app's own policies).</summary>
    public ValueTask RejectByAppOrGlobalAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var policy = context.Lease is RateLimitGlobalSlot.Rejected slot
            ? slot.Policy
            : context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? RateLimitPolicyNames.Global;
        return RejectAsync(policy, context, cancellationToken);
    }

    public async ValueTask RejectAsync(string policy, OnRejectedContext context, CancellationToken cancellationToken)
    {
        var httpContext = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero
            ? (int)Math.Ceiling(after.TotalSeconds)
            : 1;

        _rejections.Add(1, new KeyValuePair<string, object?>("policy", policy));
        _log.Record(policy, RateLimitClient.Of(httpContext));

        var response = httpContext.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers[HeaderNames.RetryAfter] = retryAfter.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Type = "https://tools.ietf.org/html/rfc6585#section-4",
            Title = "Too many requests",
            Status = StatusCodes.Status429TooManyRequests,
            Detail = $"The '{policy}' rate limit was reached; retry after {retryAfter} second{(retryAfter == 1 ? "" : "s")}.",
        };

        // The app's own ProblemDetails writer when it has one (AddProblemDetails); else generated JSON, which a
        // Native AOT app can write whatever its JSON options hold.
        if (httpContext.RequestServices.GetService<IProblemDetailsService>() is { } writer
            && await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }).ConfigureAwait(false))
        {
            return;
        }

        await response.WriteAsJsonAsync(problem, ProblemDetailsJsonContext.Default.ProblemDetails, "application/problem+json", cancellationToken).ConfigureAwait(false);
    }
}
