using System;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace ProductionReady.Detection;

/// <summary>Where a credential sits inside a larger string, and what kind of string it is.</summary>
internal readonly struct CredentialSpan
{
    public CredentialSpan(int start, int length, string? userName)
    {
        Start = start;
        Length = length;
        UserName = userName;
    }

    /// <summary>Offset of the password inside the searched string.</summary>
    public int Start { get; }

    /// <summary>Length of the password.</summary>
    public int Length { get; }

    /// <summary>The user name next to the password, when the string names one.</summary>
    public string? UserName { get; }

    /// <summary>The password itself, cut from <paramref name="source"/>.</summary>
    public string ValueIn(string source) => source.Substring(Start, Length);
}

/// <summary>
/// Finds passwords inside connection strings (<c>Host=db;Username=app;Password=…</c> of SQL Server,
/// PostgreSQL and MySQL) and inside URIs with user info (<c>postgres://user:pass@host</c>,
/// <c>mongodb://</c>, <c>redis://</c>, <c>amqp://</c>, <c>https://</c>) and StackExchange.Redis's own
/// configuration string (<c>host:6379,password=…</c>).
/// </summary>
/// <remarks>Shared source: compiled into the runtime library and into the analyzers (netstandard2.0).</remarks>
internal static class CredentialLocator
{
    private static readonly string[] PasswordKeys = { "password", "pwd" };

    private static readonly string[] UserKeys = { "user id", "userid", "user", "username", "user name", "uid" };

    // Keys that make a key=value;… string a connection string.
    private static readonly string[] ConnectionKeys =
    {
        "server", "host", "data source", "datasource", "database", "initial catalog", "port", "addr", "address",
        "user id", "userid", "username", "user", "uid", "password", "pwd", "integrated security", "trusted_connection",
        "sslmode", "ssl mode", "encrypt", "timeout", "pooling", "applicationname", "application name",
    };

    private static Regex? _userInfoUri;

    // Built on first use, and only for text with an '@' after "://": most configuration values and
    // literals are plain URLs, and building a regular expression is most of the cost of a first call.
    private static Regex UserInfoUri => _userInfoUri ??= new Regex(
        @"\b[a-zA-Z][a-zA-Z0-9+.\-]*://(?<user>[^:/?#@\s]*):(?<password>[^@/?#\s]+)@[^\s/?#]",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeSpan.FromMilliseconds(100));

    /// <summary>
    /// The password of a connection string, or of the first URI with user info, in <paramref name="text"/>;
    /// null when there is none (including <c>Password=</c> with an empty value).
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public static CredentialSpan? FindPassword(string? text)
    {
        if (string.IsNullOrEmpty(text) || text!.Length < 6)
        {
            return null;
        }

        if (text.IndexOf('=') >= 0)
        {
            var fromConnectionString = FindConnectionStringPassword(text) ?? FindRedisOptionsPassword(text);
            if (fromConnectionString is not null)
            {
                return fromConnectionString;
            }
        }

        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        return scheme >= 0 && text.IndexOf('@', scheme) >= 0 ? FindUriPassword(text) : null;
    }

    /// <summary>True when <paramref name="text"/> parses as a connection string with at least one known key.</summary>
    [MethodImpl(HotPath.Options)]
    public static bool LooksLikeConnectionString(string? text)
    {
        if (string.IsNullOrEmpty(text) || text!.IndexOf('=') < 0)
        {
            return false;
        }

        var known = 0;
        var pairs = 0;
        var reader = new PairReader(text);
        while (reader.Next())
        {
            pairs++;
            if (reader.KeyIsAny(ConnectionKeys))
            {
                known++;
            }
        }

        return known >= 1 && (pairs >= 2 || known == pairs);
    }

    [MethodImpl(HotPath.Options)]
    private static CredentialSpan? FindConnectionStringPassword(string text)
    {
        if (!LooksLikeConnectionString(text))
        {
            return null;
        }

        int userStart = -1, userLength = 0;
        int start = -1, length = 0;
        var reader = new PairReader(text);
        while (reader.Next())
        {
            if (reader.KeyIsAny(UserKeys))
            {
                userStart = reader.ValueStart;
                userLength = reader.ValueLength;
            }
            else if (reader.KeyIsAny(PasswordKeys) && reader.ValueLength > 0)
            {
                start = reader.ValueStart;
                length = reader.ValueLength;
            }
        }

        return start < 0 ? null : new CredentialSpan(start, length, userStart < 0 ? null : text.Substring(userStart, userLength));
    }

    /// <summary>
    /// The password of StackExchange.Redis's own configuration string: endpoints and options separated by commas,
    /// <c>host:6379,password=…,ssl=true</c> (its <c>user=</c> names the user). At least one endpoint, no semicolon.
    /// </summary>
    /// <remarks>
    /// Runs on every log message and every string literal with '=' and ',': the walk compares keys in place and cuts
    /// no string until it has found a password, so text that is not such a string costs no allocation.
    /// </remarks>
    [MethodImpl(HotPath.Options)]
    internal static CredentialSpan? FindRedisOptionsPassword(string text)
    {
        if (text.IndexOf(';') >= 0 || text.IndexOf(',') < 0)
        {
            return null;
        }

        int userStart = -1, userLength = 0;
        int start = -1, length = 0;
        var endpoint = false;
        var segmentStart = 0;
        while (segmentStart <= text.Length)
        {
            var comma = text.IndexOf(',', segmentStart);
            var segmentEnd = comma < 0 ? text.Length : comma;
            var equals = text.IndexOf('=', segmentStart, segmentEnd - segmentStart);
            if (equals < 0)
            {
                if (IsBlank(text, segmentStart, segmentEnd))
                {
                    // An empty entry (a trailing comma): the client skips it.
                }
                else if (!IsEndpoint(text, segmentStart, segmentEnd))
                {
                    return null;
                }
                else
                {
                    endpoint = true;
                }
            }
            else
            {
                var valueStart = equals + 1;
                var valueEnd = segmentEnd;
                while (valueStart < valueEnd && text[valueStart] == ' ')
                {
                    valueStart++;
                }

                while (valueEnd > valueStart && text[valueEnd - 1] == ' ')
                {
                    valueEnd--;
                }

                if (KeyIs(text, segmentStart, equals, "password") && valueEnd > valueStart)
                {
                    start = valueStart;
                    length = valueEnd - valueStart;
                }
                else if (KeyIs(text, segmentStart, equals, "user"))
                {
                    userStart = valueStart;
                    userLength = valueEnd - valueStart;
                }
            }

            if (comma < 0)
            {
                break;
            }

            segmentStart = comma + 1;
        }

        return endpoint && start >= 0 ? new CredentialSpan(start, length, userStart < 0 ? null : text.Substring(userStart, userLength)) : null;
    }

    // text[start..end), without surrounding white space, is key (lower-case ASCII) in any case: what
    // Substring(…).Trim().ToLowerInvariant() == key says, without the copies.
    [MethodImpl(HotPath.Options)]
    private static bool KeyIs(string text, int start, int end, string key)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end - start != key.Length)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (text[i] > 0x7F)
            {
                // Invariant lower-casing maps a few non-ASCII letters onto ASCII ones (U+0130 to 'i', the Kelvin sign to
                // 'k'), which an ordinal comparison ignoring case does not: the rare key with one takes the copying path.
                return string.Equals(text.Substring(start, end - start).ToLowerInvariant(), key, StringComparison.Ordinal);
            }
        }

        return string.Compare(text, start, key, 0, key.Length, StringComparison.OrdinalIgnoreCase) == 0;
    }

    [MethodImpl(HotPath.Options)]
    private static bool IsBlank(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    // host, host:port, [v6]:port: letters, digits and . - _ : [ ] only, and not empty.
    [MethodImpl(HotPath.Options)]
    private static bool IsEndpoint(string text, int start, int end)
    {
        while (start < end && text[start] == ' ')
        {
            start++;
        }

        while (end > start && text[end - 1] == ' ')
        {
            end--;
        }

        if (end == start)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (!(char.IsLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':' || c == '[' || c == ']'))
            {
                return false;
            }
        }

        return true;
    }

    private static CredentialSpan? FindUriPassword(string text)
    {
        Match match;
        try
        {
            match = UserInfoUri.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }

        if (!match.Success)
        {
            return null;
        }

        var password = match.Groups["password"];
        var user = match.Groups["user"].Value;
        return new CredentialSpan(password.Index, password.Length, user.Length == 0 ? null : Uri.UnescapeDataString(user));
    }

    /// <summary>
    /// Reads <c>key=value</c> pairs separated by ';', values optionally quoted with ' or " (a doubled quote escapes it),
    /// in place: a pair is its offsets in the text, so reading a text that holds no connection string allocates nothing.
    /// </summary>
    private struct PairReader
    {
        private readonly string _text;
        private int _next;

        public PairReader(string text)
        {
            _text = text;
            _next = 0;
            KeyStart = KeyEnd = ValueStart = ValueLength = 0;
        }

        /// <summary>Where the current key starts and ends, without surrounding white space.</summary>
        public int KeyStart { get; private set; }

        public int KeyEnd { get; private set; }

        public int ValueStart { get; private set; }

        public int ValueLength { get; private set; }

        /// <summary>True when the current key is one of <paramref name="keys"/> (lower-case ASCII), in any case.</summary>
        [MethodImpl(HotPath.Options)]
        public readonly bool KeyIsAny(string[] keys)
        {
            foreach (var key in keys)
            {
                if (KeyIs(_text, KeyStart, KeyEnd, key))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Moves to the next pair with a key of 1 to 40 characters; false at the end of the text.</summary>
        [MethodImpl(HotPath.Options)]
        public bool Next()
        {
            var text = _text;
            while (_next < text.Length)
            {
                var i = _next;
                var equals = text.IndexOf('=', i);
                if (equals < 0)
                {
                    _next = text.Length;
                    return false;
                }

                var semicolonBefore = text.IndexOf(';', i);
                if (semicolonBefore >= 0 && semicolonBefore < equals)
                {
                    // A segment without '=' (e.g. trailing text): skip it.
                    _next = semicolonBefore + 1;
                    continue;
                }

                int keyStart = i, keyEnd = equals;
                while (keyStart < keyEnd && char.IsWhiteSpace(text[keyStart]))
                {
                    keyStart++;
                }

                while (keyEnd > keyStart && char.IsWhiteSpace(text[keyEnd - 1]))
                {
                    keyEnd--;
                }

                var valueStart = equals + 1;
                while (valueStart < text.Length && text[valueStart] == ' ')
                {
                    valueStart++;
                }

                int valueEnd;
                if (valueStart < text.Length && (text[valueStart] == '\'' || text[valueStart] == '"'))
                {
                    var quote = text[valueStart];
                    var close = valueStart + 1;
                    while (close < text.Length && !(text[close] == quote && (close + 1 >= text.Length || text[close + 1] != quote)))
                    {
                        close += text[close] == quote ? 2 : 1;
                    }

                    valueStart++;
                    valueEnd = Math.Min(close, text.Length);
                    var semicolon = close < text.Length ? text.IndexOf(';', close) : -1;
                    _next = semicolon < 0 ? text.Length : semicolon + 1;
                }
                else
                {
                    var semicolon = text.IndexOf(';', valueStart);
                    valueEnd = semicolon < 0 ? text.Length : semicolon;
                    _next = semicolon < 0 ? text.Length : semicolon + 1;
                    while (valueEnd > valueStart && text[valueEnd - 1] == ' ')
                    {
                        valueEnd--;
                    }
                }

                if (keyEnd > keyStart && keyEnd - keyStart <= 40)
                {
                    KeyStart = keyStart;
                    KeyEnd = keyEnd;
                    ValueStart = valueStart;
                    ValueLength = valueEnd - valueStart;
                    return true;
                }
            }

            return false;
        }
    }
}
