using System;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>A credential found inside a string value: what it is, and where in the value.</summary>
internal readonly struct FoundCredential
{
    public FoundCredential(string kind, int start, int length, bool isLiveFormat, bool isJwt)
    {
        Kind = kind;
        Start = start;
        Length = length;
        IsLiveFormat = isLiveFormat;
        IsJwt = isJwt;
    }

    public string Kind { get; }

    public int Start { get; }

    public int Length { get; }

    /// <summary>A well-known token format (AWS, GitHub, …): a secret wherever it appears.</summary>
    public bool IsLiveFormat { get; }

    public bool IsJwt { get; }
}

/// <summary>
/// Decides whether a string value is a real-looking credential. Placeholders, known weak and default values
/// (changeme, postgres) and low-entropy strings are not: they are the runtime secret validator's matter.
/// Names, labels, messages, format strings, regular expressions, paths and URLs are not either.
/// </summary>
internal static class CredentialValues
{
    /// <summary>Stands for an interpolation hole when an interpolated string is analyzed as text.</summary>
    public const char Hole = '\u0001';

    /// <summary>
    /// A credential that the value itself reveals, wherever it sits: a well-known token format, or the
    /// password of a connection string or of a URI with user info.
    /// </summary>
    public static FoundCredential? FindInValue(string text)
    {
        if (text.Length < 6)
        {
            return null;
        }

        var token = TokenFormats.FindLiveCredential(text);
        if (token is { } t && !IsDocumentedExample(text.Substring(t.Start, t.Length)))
        {
            return new FoundCredential(t.Kind, t.Start, t.Length, isLiveFormat: true, isJwt: t.Kind == "JSON Web Token");
        }

        var password = CredentialLocator.FindPassword(text);
        if (password is { } p)
        {
            var value = p.ValueIn(text);
            if (IsRealLookingPassword(value, p.UserName))
            {
                var inUri = text.LastIndexOf("://", p.Start, StringComparison.Ordinal) >= 0 && text.IndexOf('@', p.Start) > p.Start;
                return new FoundCredential(inUri ? "password in a URI" : "connection string password", p.Start, p.Length, isLiveFormat: false, isJwt: false);
            }
        }

        if (text.IndexOf('=') < 0)
        {
            return null;
        }

        return FindOption(text, "password=", ',', "Redis password")
            ?? FindOption(text, "AccountKey=", ';', "Azure storage account key")
            ?? FindOption(text, "SharedAccessKey=", ';', "Azure shared access key");
    }

    /// <summary>
    /// A cheap shape test run before the semantic model is asked which parameter a positional argument binds
    /// to: at least eight characters without spaces, with a digit or a symbol beyond word separators. Words,
    /// identifiers, type names and messages (nearly every string argument in real code) fail it.
    /// </summary>
    public static bool IsSecretShaped(string value)
    {
        if (value.Length < 8)
        {
            return false;
        }

        var digitOrSymbol = false;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                return false;
            }

            if (char.IsDigit(c) || (!char.IsLetter(c) && c != '-' && c != '_' && c != '.' && c != ':' && c != '/'))
            {
                digitOrSymbol = true;
            }
        }

        return digitOrSymbol;
    }

    /// <summary>
    /// True when <paramref name="value"/>, sitting in a credential position, looks like a real credential.
    /// <paramref name="keyMaterial"/> allows spaces (a passphrase-style signing key).
    /// </summary>
    public static bool IsCredentialLike(string value, bool keyMaterial, bool onlyKeyMaterialFits = false)
    {
        var v = value.Trim();
        if (v.Length < 5 || v.IndexOf(Hole) >= 0)
        {
            return false;
        }

        if (HasWhitespace(v) && (!keyMaterial || v.Length < 16 || IsSentence(v)))
        {
            // A UI label or a message: "Enter your password", "An API key is required: send it in a header."
            return false;
        }

        // Encoding.UTF8.GetBytes("…") into a SymmetricSecurityKey: whatever the text says, it is key material.
        if (!onlyKeyMaterialFits && LooksLikeNameOrSyntax(v))
        {
            return false;
        }

        return WeakSecrets.Classify(v) == Weakness.None;
    }

    // StackExchange.Redis configuration strings separate options with commas ("redis:6380,password=…,ssl=true");
    // Azure Storage and Service Bus connection strings carry keys, not passwords ("…;AccountKey=…", "…;SharedAccessKey=…").
    private static FoundCredential? FindOption(string text, string key, char separator, string kind)
    {
        var index = text.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        if (index < 0 || (index > 0 && text[index - 1] != separator))
        {
            return null;
        }

        var start = index + key.Length;
        var end = text.IndexOf(separator, start);
        var length = (end < 0 ? text.Length : end) - start;
        return length > 0 && IsRealLookingPassword(text.Substring(start, length), null)
            ? new FoundCredential(kind, start, length, isLiveFormat: false, isJwt: false)
            : null;
    }

    private static bool IsSentence(string v)
    {
        var last = v[v.Length - 1];
        return last == '.' || last == '!' || last == '?' || last == ':' || v.IndexOf(": ", StringComparison.Ordinal) >= 0 || v.IndexOf(", ", StringComparison.Ordinal) >= 0;
    }

    private static bool IsRealLookingPassword(string value, string? userName)
    {
        if (value.Length == 0 || value.IndexOf(Hole) >= 0 || value.IndexOf('{') >= 0 || value.StartsWith("$(", StringComparison.Ordinal))
        {
            return false;
        }

        return WeakSecrets.Classify(value, userName) == Weakness.None;
    }

    // AWS documents its examples with this suffix (AKIAIOSFODNN7EXAMPLE); scanners agree to skip it.
    private static bool IsDocumentedExample(string token)
        => token.IndexOf("EXAMPLE", StringComparison.OrdinalIgnoreCase) >= 0 || WeakSecrets.IsLowEntropy(token.Length > 8 ? token.Substring(4) : token);

    private static bool LooksLikeNameOrSyntax(string v)
    {
        // Format strings and templates: "{0}", "{password}".
        if (v.IndexOf('{') >= 0 && v.IndexOf('}') > v.IndexOf('{'))
        {
            return true;
        }

        // Paths and URLs (a URL with a password is found by FindInValue).
        if (v[0] == '/' || v[0] == '~' || v.StartsWith("./", StringComparison.Ordinal) || v.IndexOf('\\') >= 0 || v.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        // Regular expressions.
        if (v[0] == '^' || v[v.Length - 1] == '$' || v.IndexOf("(?", StringComparison.Ordinal) >= 0 || v.IndexOf(".*", StringComparison.Ordinal) >= 0
            || v.IndexOf("[a-z", StringComparison.Ordinal) >= 0 || v.IndexOf("[A-Z", StringComparison.Ordinal) >= 0 || v.IndexOf("[0-9", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        // Environment variable names (DB_PASSWORD), configuration keys (Jwt:Key, Auth.ClientSecret), header names (X-Api-Key).
        // (A value with spaces got here as passphrase-style key material: words are expected in it.)
        if (!HasWhitespace(v) && (IsEnvironmentVariableName(v) || IsKeyPath(v) || SecretNames.IsSecretName(v) || MentionsSecretWord(v)))
        {
            return true;
        }

        // Media types (application/json) and plain words that are schemes, not secrets.
        return IsMediaType(v) || IsAuthScheme(v);
    }

    private static bool HasWhitespace(string v)
    {
        foreach (var c in v)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEnvironmentVariableName(string v)
    {
        var underscore = false;
        var letters = 0;
        foreach (var c in v)
        {
            if (c == '_')
            {
                underscore = true;
            }
            else if (c >= 'A' && c <= 'Z')
            {
                letters++;
            }
            else if (!(c >= '0' && c <= '9'))
            {
                return false;
            }
        }

        return letters > 0 && (underscore || letters == v.Length);
    }

    // Segments of identifier characters separated by ':' or '.' or "__": "Jwt:Key", "Auth.ClientSecret".
    private static bool IsKeyPath(string v)
    {
        if (v.IndexOf(':') < 0 && v.IndexOf('.') < 0 && v.IndexOf("__", StringComparison.Ordinal) < 0)
        {
            return false;
        }

        var segmentStart = true;
        foreach (var c in v)
        {
            if (c == ':' || c == '.')
            {
                if (segmentStart)
                {
                    return false;
                }

                segmentStart = true;
                continue;
            }

            if (segmentStart && !char.IsLetter(c) && c != '_')
            {
                return false;
            }

            if (!char.IsLetterOrDigit(c) && c != '_' && c != '-')
            {
                return false;
            }

            segmentStart = false;
        }

        return !segmentStart && HasLowerAndUpperOrSeparatorWords(v);
    }

    private static bool HasLowerAndUpperOrSeparatorWords(string v)
    {
        // "Jwt:Key" or "auth.client_secret": every segment is a word, not random characters. Random tokens
        // rarely contain ':' or '.', and when they do they have digits mixed in; accept at most two digits.
        var digits = 0;
        foreach (var c in v)
        {
            if (char.IsDigit(c))
            {
                digits++;
            }
        }

        return digits <= 2;
    }

    // "cancellationtoken", "client_secret", "resetPasswordLink": words about secrets are names, not values
    // (a real secret that spells out such a word is a known weak value anyway).
    private static readonly string[] SecretMarkers = { "password", "passwd", "secret", "token", "apikey", "api_key", "passphrase", "credential" };

    private static bool MentionsSecretWord(string v)
    {
        foreach (var marker in SecretMarkers)
        {
            if (v.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        foreach (var word in SecretNames.SplitWords(v))
        {
            if (word == "password" || word == "secret" || word == "token" || word == "apikey" || word == "key" || word == "pwd" || word == "passphrase")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMediaType(string v)
    {
        var slash = v.IndexOf('/');
        if (slash <= 0 || slash == v.Length - 1 || v.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        foreach (var c in v)
        {
            if (!(char.IsLower(c) || char.IsDigit(c) || c == '/' || c == '+' || c == '-' || c == '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAuthScheme(string v)
        => string.Equals(v, "Bearer", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "Basic", StringComparison.OrdinalIgnoreCase)
        || string.Equals(v, "Digest", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "Negotiate", StringComparison.OrdinalIgnoreCase)
        || string.Equals(v, "ApiKey", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "OAuth", StringComparison.OrdinalIgnoreCase);
}
