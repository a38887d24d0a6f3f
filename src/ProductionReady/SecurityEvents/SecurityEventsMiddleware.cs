using Microsoft.Net.Http.Headers;
using ProductionReady.Common;

namespace ProductionReady.SecurityEvents;

/// <summary>
/// Sees every response the app gives and records the security events it reveals: 401 (authentication failed,
/// a failed login), 403 (authorization refused) and a CORS preflight answered without
/// <c>Access-Control-Allow-Origin</c> (the browser will refuse the request).
/// </summary>
internal sealed class SecurityEventsMiddleware(ISecurityEvents events)
{
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var task = next(context);
        if (task.IsCompletedSuccessfully)
        {
            Inspect(context);
            return Task.CompletedTask;
        }

        return Awaited(task, context);
    }

    private async Task Awaited(Task task, HttpContext context)
    {
        await task.ConfigureAwait(false);
        Inspect(context);
    }

    private void Inspect(HttpContext context)
    {
        var status = context.Response.StatusCode;
        if (status == StatusCodes.Status401Unauthorized)
        {
            events.Record(SecurityEvent.AuthenticationFailed, context);
        }
        else if (status == StatusCodes.Status403Forbidden)
        {
            events.Record(SecurityEvent.AuthorizationFailed, context);
        }
        else if (HttpMethods.IsOptions(context.Request.Method) && IsRefusedPreflight(context))
        {
            events.Record(SecurityEvent.CorsPreflightRefused, context);
        }
    }

    private static bool IsRefusedPreflight(HttpContext context)
    {
        var headers = context.Request.Headers;
        return headers.ContainsKey(HeaderNames.Origin)
            && headers.ContainsKey(HeaderNames.AccessControlRequestMethod)
            && !context.Response.Headers.ContainsKey(HeaderNames.AccessControlAllowOrigin);
    }
}
