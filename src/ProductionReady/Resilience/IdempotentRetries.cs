using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ProductionReady.Resilience;

/// <summary>
/// Retries only what RFC 9110 (section 9.2.2) calls idempotent: GET, HEAD, OPTIONS, TRACE, PUT and DELETE. A POST or
/// PATCH that failed may still have taken effect on the server (the response was lost, the attempt timed out after
/// the write), so sending it again could place an order twice; an unknown method is treated the same way.
/// </summary>
internal static class IdempotentRetries
{
    public static void Apply(HttpRetryStrategyOptions retry)
    {
        var transient = retry.ShouldHandle;
        retry.ShouldHandle = args =>
        {
            var request = args.Outcome.Result?.RequestMessage ?? args.Context.GetRequestMessage();
            return request is not null && IsIdempotent(request.Method) ? transient(args) : new ValueTask<bool>(false);
        };
    }

    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options ||
        method == HttpMethod.Trace || method == HttpMethod.Put || method == HttpMethod.Delete;
}
