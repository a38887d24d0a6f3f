namespace ProductionReady.Common;

/// <summary>
/// How a configured path is compared with a request path, the one way: case-insensitive, one trailing
/// slash ignored (routing ignores it too).
/// </summary>
internal static class RequestPaths
{
    /// <summary>The path as compared: trimmed, without trailing slashes (the root stays <c>/</c>); its case kept.</summary>
    public static string Normalize(string path)
    {
        var trimmed = path.Trim();
        if (trimmed.Length > 1)
        {
            trimmed = trimmed.TrimEnd('/');
        }

        return trimmed.Length == 0 ? "/" : trimmed;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="normalized"/> (from <see cref="Normalize"/>). Allocation-free.</summary>
    public static bool Matches(PathString path, string normalized) =>
        Trimmed(path.Value).Equals(normalized, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(path.Value);

    /// <summary>True when <paramref name="path"/> is one of <paramref name="normalized"/> (each from <see cref="Normalize"/>). Allocation-free.</summary>
    public static bool IsOneOf(PathString path, string[] normalized)
    {
        if (string.IsNullOrEmpty(path.Value))
        {
            return false;
        }

        var trimmed = Trimmed(path.Value);
        foreach (var candidate in normalized)
        {
            if (trimmed.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="path"/> is <paramref name="normalizedPrefix"/> (from <see cref="Normalize"/>) or
    /// below it, segment-wise (<c>/api</c> covers <c>/api</c>, <c>/api/</c>, <c>/api/orders</c>, not <c>/apis</c>); <c>/</c> covers every path.
    /// </summary>
    public static bool IsUnder(PathString path, string normalizedPrefix) =>
        normalizedPrefix == "/" || path.StartsWithSegments(normalizedPrefix, StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> Trimmed(string? value) =>
        value is { Length: > 1 } && value[^1] == '/' ? value.AsSpan(0, value.Length - 1) : value.AsSpan();
}
