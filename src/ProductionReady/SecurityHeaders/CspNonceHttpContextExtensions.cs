using ProductionReady.SecurityHeaders;

namespace Microsoft.AspNetCore.Http;

/// <summary>The per-request Content-Security-Policy nonce.</summary>
public static class CspNonceHttpContextExtensions
{
    /// <summary>
    /// The nonce of this response's Content-Security-Policy: put it on the scripts and styles the page
    /// itself writes (<c>&lt;script nonce="…"&gt;</c>); an injected script has none and is blocked.
    /// Created on the first call and the same for the rest of the request; a response that never asks
    /// gets a policy without a nonce. Ask before the response starts (before the first body write), as
    /// the header that carries it is sent then.
    /// </summary>
    /// <param name="context">The current request.</param>
    /// <returns>The nonce, base64 (24 characters).</returns>
    /// <exception cref="InvalidOperationException">The response has started and no nonce was asked for before.</exception>
    public static string GetCspNonce(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<CspNonceFeature>() is { } existing)
        {
            return existing.Nonce;
        }

        if (context.Response.HasStarted)
        {
            throw new InvalidOperationException(
                "The CSP nonce was asked for after the response started, so the Content-Security-Policy header sent without it would block the script. " +
                "Call GetCspNonce() before writing the response body (e.g. at the top of the page or handler).");
        }

        var feature = CspNonceFeature.Create();
        context.Features.Set(feature);
        return feature.Nonce;
    }
}
