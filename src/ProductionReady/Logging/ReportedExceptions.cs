using System.Runtime.CompilerServices;

namespace ProductionReady.Logging;

/// <summary>
/// Exceptions the request-logging middleware has already reported with its completion event. The server
/// (Kestrel), the developer exception page and the exception handler report the same unhandled exception again; that second report is one of
/// the per-request events the completion event replaces, so the log stage drops it. Weakly held: an entry
/// lives as long as the exception does.
/// </summary>
internal static class ReportedExceptions
{
    private static readonly ConditionalWeakTable<Exception, object> Reported = [];

    // The categories under which a server, the developer exception page or the exception handler report an
    // application's unhandled exception.
    private static readonly string[] ServerCategories = ["Microsoft.AspNetCore.Server.", "Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Diagnostics."];

    public static void Add(Exception exception) => Reported.AddOrUpdate(exception, Reported);

    public static bool IsServerRepeat(Exception? exception, string? sourceContext)
    {
        if (exception is MaskedException { Original: { } original })
        {
            exception = original;
        }

        if (exception is null || sourceContext is null || !Reported.TryGetValue(exception, out _))
        {
            return false;
        }

        foreach (var category in ServerCategories)
        {
            if (sourceContext.StartsWith(category, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
