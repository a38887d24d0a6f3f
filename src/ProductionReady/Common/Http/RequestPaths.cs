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

    /// <summary>True when <paramref name="path"/> is one of <paramref name="normalized"/> (each from <see cref="Normalize"/>). Allocation-free.</summary>
    public static bool IsOneOf(PathString path, string[] normalized)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var trimmed = value.Length > 1 && value[^1] == '/' ? value.AsSpan(0, value.Length - 1) : value.AsSpan();
        foreach (var candidate in normalized)
        {
            if (trimmed.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
