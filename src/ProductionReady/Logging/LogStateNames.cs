namespace ProductionReady.Logging;

/// <summary>The names Microsoft.Extensions.Logging's structured state gives special meaning to.</summary>
internal static class LogStateNames
{
    /// <summary>The message template, carried as the last entry of a structured state.</summary>
    public const string OriginalFormat = "{OriginalFormat}";

    /// <summary>
    /// <paramref name="name"/> without the capture hint a template may put before it (<c>{@Order}</c> destructures,
    /// <c>{$Order}</c> stringifies): <c>@Password</c> names a password as much as <c>Password</c> does.
    /// </summary>
    public static string WithoutCaptureHint(string name) =>
        name.Length > 1 && name[0] is '@' or '$' ? name[1..] : name;
}
