using Microsoft.AspNetCore.Diagnostics;

namespace ProductionReady.SecurityHeaders;

/// <summary>
/// Marks the requests whose response the developer exception page renders, so that page gets its own
/// CSP (its styles and tabs are inline). The framework's documented hook for the page: called only when
/// it handles an exception, never in an app without it.
/// </summary>
internal sealed class DeveloperExceptionPageMarker : IDeveloperPageExceptionFilter
{
    public Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
    {
        errorContext.HttpContext.Features.Set(Rendered.Instance);
        return next(errorContext);
    }

    /// <summary>The request feature that says "the developer exception page renders this response".</summary>
    internal sealed class Rendered
    {
        public static readonly Rendered Instance = new();

        private Rendered()
        {
        }
    }
}
