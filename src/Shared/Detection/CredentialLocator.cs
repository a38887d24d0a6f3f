using System;
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
    public static bool LooksLikeConnectionString(string? text)
    {
        if (string.IsNullOrEmpty(text) || text!.IndexOf('=') < 0)
        {
            return false;
        }

        var known = 0;
        var pairs = 0;
        foreach (var pair in Pairs(text))
        {
            pairs++;
            if (Array.IndexOf(ConnectionKeys, pair.Key) >= 0)
            {
                known++;
            }
        }

        return known >= 1 && (pairs >= 2 || known == pairs);
    }

    private static CredentialSpan? FindConnectionStringPassword(string text)
    {
        if (!LooksLikeConnectionString(text))
        {
            return null;
        }

        string? user = null;
        int start = -1, length = 0;
        foreach (var pair in Pairs(text))
        {
            if (Array.IndexOf(UserKeys, pair.Key) >= 0)
            {
                user = text.Substring(pair.ValueStart, pair.ValueLength);
            }
            else if (Array.IndexOf(PasswordKeys, pair.Key) >= 0 && pair.ValueLength > 0)
            {
                start = pair.ValueStart;
                length = pair.ValueLength;
            }
        }

        return start < 0 ? null : new CredentialSpan(start, length, user);
    }

    /// <summary>
    /// The password of StackExchange.Redis's own configuration string: endpoints and options separated by commas,
    /// <c>host:6379,password=…,ssl=true</c> (its <c>user=</c> names the user). At least one endpoint, no semicolon.
    /// </summary>
    private static CredentialSpan? FindRedisOptionsPassword(string text)
    {
        if (text.IndexOf(';') >= 0 || text.IndexOf(',') < 0)
        {
            return null;
        }

        string? user = null;
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
                if (text.Substring(segmentStart, segmentEnd - segmentStart).Trim().Length == 0)
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
                var key = text.Substring(segmentStart, equals - segmentStart).Trim().ToLowerInvariant();
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

                if (key == "password" && valueEnd > valueStart)
                {
                    start = valueStart;
                    length = valueEnd - valueStart;
                }
                else if (key == "user")
                {
                    user = text.Substring(valueStart, valueEnd - valueStart);
                }
            }

            if (comma < 0)
            {
                break;
            }

            segmentStart = comma + 1;
        }

        return endpoint && start >= 0 ? new CredentialSpan(start, length, user) : null;
    }

    // host, host:port, [v6]:port: letters, digits and . - _ : [ ] only, and not empty.
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

    private readonly struct Pair
    {
        public Pair(string key, int valueStart, int valueLength)
        {
            Key = key;
            ValueStart = valueStart;
            ValueLength = valueLength;
        }

        public string Key { get; }

        public int ValueStart { get; }

        public int ValueLength { get; }
    }

    // key=value pairs separated by ';', values optionally quoted with ' or " (a doubled quote escapes it).
    private static System.Collections.Generic.IEnumerable<Pair> Pairs(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var equals = text.IndexOf('=', i);
            if (equals < 0)
            {
                yield break;
            }

            var semicolonBefore = text.IndexOf(';', i);
            if (semicolonBefore >= 0 && semicolonBefore < equals)
            {
                // A segment without '=' (e.g. trailing text): skip it.
                i = semicolonBefore + 1;
                continue;
            }

            var key = text.Substring(i, equals - i).Trim().ToLowerInvariant();
            var valueStart = equals + 1;
            while (valueStart < text.Length && text[valueStart] == ' ')
            {
                valueStart++;
            }

            int valueEnd;
            int next;
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
                next = semicolon < 0 ? text.Length : semicolon + 1;
            }
            else
            {
                var semicolon = text.IndexOf(';', valueStart);
                valueEnd = semicolon < 0 ? text.Length : semicolon;
                next = semicolon < 0 ? text.Length : semicolon + 1;
                while (valueEnd > valueStart && text[valueEnd - 1] == ' ')
                {
                    valueEnd--;
                }
            }

            if (key.Length > 0 && key.Length <= 40)
            {
                yield return new Pair(key, valueStart, valueEnd - valueStart);
            }

            i = next;
        }
    }
}
