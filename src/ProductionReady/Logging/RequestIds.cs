using System.Buffers;
using Microsoft.Extensions.Primitives;

namespace ProductionReady.Logging;

/// <summary>
/// Request ids: an incoming one is kept only when it is safe to echo and to log (one value, 1–128
/// characters from a conservative set: letters, digits and <c>- _ . : + / =</c>, enough for UUIDs, W3C
/// trace ids, ULIDs and base64); anything else (CR/LF, quotes, spaces, control characters, overlong values)
/// is replaced by a new id and never written anywhere.
/// </summary>
internal static class RequestIds
{
    public const int MaxLength = 128;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:+/=");

    /// <summary>The incoming id when it is well-formed, otherwise null.</summary>
    public static string? Accept(StringValues header)
    {
        if (header.Count != 1)
        {
            return null;
        }

        var value = header[0];
        return value is { Length: > 0 and <= MaxLength } && value.AsSpan().IndexOfAnyExcept(Allowed) < 0 ? value : null;
    }

    /// <summary>
    /// A new id: 128 random bits as 32 lower-case hex digits (the one allocation of a request that came
    /// without an id). Ids must be unique, not unpredictable, so the fast shared generator is enough.
    /// </summary>
    public static string New()
    {
        Span<byte> bits = stackalloc byte[16];
        Random.Shared.NextBytes(bits);
        return Convert.ToHexStringLower(bits);
    }
}
