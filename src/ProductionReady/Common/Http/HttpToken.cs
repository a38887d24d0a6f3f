namespace ProductionReady.Common;

/// <summary>The RFC 9110 <c>token</c> grammar (header names, among others): the one check every capability uses.</summary>
internal static class HttpToken
{
    private const string Symbols = "!#$%&'*+-.^_`|~";

    /// <summary>True for a non-empty run of token characters.</summary>
    public static bool IsToken(string? value) => !string.IsNullOrEmpty(value) && value.All(IsTokenChar);

    /// <summary>True for an RFC 9110 <c>tchar</c>: an ASCII letter or digit, or one of <c>!#$%&amp;'*+-.^_`|~</c>.</summary>
    public static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || Symbols.Contains(c, StringComparison.Ordinal);
}
