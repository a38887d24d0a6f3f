using System;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>
/// The "not a credential" checks of PRD001/PRD002, as tables: shapes of values that sit where a secret goes but are
/// names, syntax, codes or public values, and the contexts in which a credential-looking text is an example. Each entry
/// says why, so that a test (and a reader) can ask which check silenced a value.
/// </summary>
internal static class NotACredential
{
    /// <summary>One check: the reason it gives and the test of the value.</summary>
    internal readonly struct Check(string reason, Func<string, bool> applies, bool withWhitespace = true)
    {
        public string Reason { get; } = reason;

        public Func<string, bool> Applies { get; } = applies;

        /// <summary>False for checks that only hold for a value without spaces (a passphrase may contain a word that looks like a key).</summary>
        public bool WithWhitespace { get; } = withWhitespace;
    }

    /// <summary>
    /// Syntax, not a value: format strings, paths and URLs, regular expressions, variable and key names, file names,
    /// versions, media types and authentication schemes. A non-empty value is expected.
    /// </summary>
    public static readonly Check[] Syntax =
    {
        // Format strings and templates: "{0}", "{password}".
        new("format string or template", v => v.IndexOf('{') >= 0 && v.IndexOf('}') > v.IndexOf('{')),
        // Paths and URLs (a URL with a password is found by CredentialValues.FindInValue).
        new("path or URL", v => v[0] == '/' || v[0] == '~' || v.StartsWith("./", StringComparison.Ordinal) || v.IndexOf('\\') >= 0 || v.IndexOf("://", StringComparison.Ordinal) >= 0),
        new("regular expression", v => v[0] == '^' || v[v.Length - 1] == '$' || v.IndexOf("(?", StringComparison.Ordinal) >= 0 || v.IndexOf(".*", StringComparison.Ordinal) >= 0
            || v.IndexOf("[a-z", StringComparison.Ordinal) >= 0 || v.IndexOf("[A-Z", StringComparison.Ordinal) >= 0 || v.IndexOf("[0-9", StringComparison.Ordinal) >= 0),
        // DB_PASSWORD; Jwt:Key, Auth.ClientSecret. A value with spaces got here as passphrase-style key material.
        new("environment variable name", IsEnvironmentVariableName, withWhitespace: false),
        new("configuration key path", IsKeyPath, withWhitespace: false),
        // "password=", "pass:": an option or query key written before its value.
        new("key before its value", SecretShape.IsKeyBeforeItsValue, withWhitespace: false),
        // "identity:accesstoken-*", "oauth:refresh:": a cache-key pattern or prefix, completed at run time.
        new("key pattern or prefix", IsKeyPatternOrPrefix, withWhitespace: false),
        new("file name", IsFileName),
        new("version or address", IsDottedNumber),
        new("media type", IsMediaType),
        new("authentication scheme", IsAuthScheme),
    };

    /// <summary>
    /// Values that are never a credential wherever they sit: public keys, error codes, alphabets, route and action names.
    /// </summary>
    public static readonly Check[] Values =
    {
        // Stripe publishable keys go into the browser.
        new("public by design", IsPublicByDesign),
        // SQLSTATE 28P01, error codes E1042.
        new("status or error code", IsStatusCode),
        // ABCDEFGH…23456789 of a password generator.
        new("character set", IsCharacterSet),
        // "passwordrecoveryconfirm", "changepassword": an MVC action or route named for what it does with a password.
        new("route or action name", IsRouteOrActionName, withWhitespace: false),
        // "at+jwt", "oi_reft+jwt": a token's type ("typ" header), a structured-syntax suffix after a name (openiddict).
        new("token type", IsTokenType, withWhitespace: false),
        // "-@slack", "@@token": a sigil and a word, a marker appended to an address (Exceptionless' SlackToken).
        new("marker", IsSigilAndWord, withWhitespace: false),
        // new ValidationError("signingKeys", "required", "…"): a validation error's code or a state after a field name (elsa-core).
        new("validation code or state", IsValidationCodeOrState, withWhitespace: false),
    };

    /// <summary>
    /// Codes a validation error gives after its field name, and states a setting reports: words that describe a value, not
    /// a value anyone would pick as a secret (a known weak value such as "password" is never one of them).
    /// </summary>
    public static readonly string[] ValidationCodesAndStates =
    {
        "required", "optional", "missing", "invalid", "malformed", "mismatch", "unsupported", "expired", "revoked",
        "disabled", "enabled", "unset", "notset", "not_set", "notfound", "not_found", "too_short", "too_long", "pending",
    };

    private static bool IsValidationCodeOrState(string v)
    {
        foreach (var word in ValidationCodesAndStates)
        {
            if (string.Equals(v, word, StringComparison.OrdinalIgnoreCase))
            {
                return !WeakSecrets.IsKnownWeak(v);
            }
        }

        return false;
    }

    /// <summary>Structured-syntax suffixes a token type ends with.</summary>
    public static readonly string[] TokenTypeSuffixes = { "+jwt", "+json", "+xml", "+cwt" };

    private static bool IsTokenType(string v)
    {
        foreach (var suffix in TokenTypeSuffixes)
        {
            if (v.Length > suffix.Length && v.EndsWith(suffix, StringComparison.Ordinal))
            {
                for (var i = 0; i < v.Length - suffix.Length; i++)
                {
                    var c = v[i];
                    if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_' && c != '-' && c != '.')
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    private static bool IsSigilAndWord(string v)
    {
        var i = 0;
        while (i < v.Length && (v[i] == '-' || v[i] == '@' || v[i] == '#' || v[i] == ':' || v[i] == '~'))
        {
            i++;
        }

        if (i == 0 || i == v.Length)
        {
            return false;
        }

        for (; i < v.Length; i++)
        {
            if (!(v[i] >= 'a' && v[i] <= 'z'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when one of the <see cref="Syntax"/> checks holds for <paramref name="value"/>.</summary>
    public static bool LooksLikeSyntax(string value) => SyntaxReason(value) is not null;

    /// <summary>The reason of the first <see cref="Syntax"/> check that holds for <paramref name="value"/>, or null.</summary>
    public static string? SyntaxReason(string value) => FirstReason(Syntax, value);

    /// <summary>The reason of the first <see cref="Values"/> check that holds for <paramref name="value"/>, or null.</summary>
    public static string? ValueReason(string value) => FirstReason(Values, value);

    private static string? FirstReason(Check[] checks, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var spaced = HasWhitespace(value);
        foreach (var check in checks)
        {
            if ((check.WithWhitespace || !spaced) && check.Applies(value))
            {
                return check.Reason;
            }
        }

        return null;
    }

    /// <summary>Words that make a lower-case name made with a credential word the name of an action, a route or a page.</summary>
    public static readonly string[] ActionWords =
    {
        "recovery", "recover", "reset", "change", "forgot", "forgotten", "confirm", "confirmation", "verify", "verification",
        "validate", "validation", "expired", "expire", "required", "invalid", "login", "signin", "signup", "register",
        "update", "setup", "request", "edit", "manage", "hint", "strength", "policy", "success", "page", "form", "link",
    };

    /// <summary>Credential words an action or route name is made with.</summary>
    public static readonly string[] CredentialWords = { "password", "passwd", "secret", "token", "apikey", "credential" };

    // "passwordrecoveryconfirm", "change-password", "account/resetpassword": lower case, no digits, a credential word
    // and an action word. A weak value ("supersecretpassword") has no action word and stays weak.
    private static bool IsRouteOrActionName(string v)
    {
        if (v.Length < 10)
        {
            return false;
        }

        foreach (var c in v)
        {
            if (!(c >= 'a' && c <= 'z') && c != '-' && c != '_' && c != '/' && c != '.')
            {
                return false;
            }
        }

        return ContainsAny(v, CredentialWords) && ContainsAny(v, ActionWords) && !WeakSecrets.IsKnownWeak(v);
    }

    // "identity:accesstoken-*", "Nop.customer.accesstoken-*", "oauth:refresh:", "cache-token-": a key pattern with a
    // wildcard, or a prefix ending in a separator, made of lower-case segments.
    private static bool IsKeyPatternOrPrefix(string v)
    {
        var separators = 0;
        var letters = 0;
        for (var i = 0; i < v.Length; i++)
        {
            var c = v[i];
            if (c == ':' || c == '.' || c == '-' || c == '_' || c == '/')
            {
                separators++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
            else if (c == '*' || c == '?')
            {
                if (i != v.Length - 1 && v[i + 1] != ':' && v[i + 1] != '.' && v[i + 1] != '-')
                {
                    return false;
                }
            }
            else if (!char.IsDigit(c))
            {
                return false;
            }
        }

        // Key patterns separate their segments with ':' or '.' ("identity:accesstoken-*", "Nop.customer.accesstoken-*").
        if (letters < 3 || separators == 0 || (v.IndexOf(':') < 0 && v.IndexOf('.') < 0))
        {
            return false;
        }

        var last = v[v.Length - 1];
        return v.IndexOf('*') >= 0 || ((last == ':' || last == '-' || last == '.' || last == '_') && v.IndexOf(':') >= 0);
    }

    /// <summary>
    /// True when the character at <paramref name="index"/> of a multi-line text sits on a line commented out in one of the
    /// usual configuration syntaxes (<c>#</c>, <c>;</c>, <c>//</c>, <c>--</c>, <c>&lt;!--</c>, <c>REM</c>): sample
    /// configuration a generated default config shows for a user to uncomment.
    /// </summary>
    public static bool IsOnCommentedOutLine(string text, int index)
    {
        if (index <= 0 || index > text.Length)
        {
            return false;
        }

        var lineStart = text.LastIndexOf('\n', index - 1) + 1;
        if (lineStart == 0 && text.IndexOf('\n') < 0)
        {
            // One line: a literal such as "#password=…" is not a config file's comment.
            return false;
        }

        while (lineStart < index && (text[lineStart] == ' ' || text[lineStart] == '\t'))
        {
            lineStart++;
        }

        foreach (var marker in CommentMarkers)
        {
            if (string.CompareOrdinal(text, lineStart, marker, 0, marker.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How configuration syntaxes begin a comment line.</summary>
    public static readonly string[] CommentMarkers = { "#", ";", "//", "--", "<!--", "REM ", "rem " };

    /// <summary>Words that introduce an example in a message: a startup warning showing how to write a connection string.</summary>
    public static readonly string[] ExampleMarkers = { "example", "e.g.", "for instance", "such as", "like", "usage", "expected", "sample", "syntax", "format", "formats" };

    /// <summary>
    /// True when <paramref name="text"/> is prose (three or more words) that introduces what it contains as an example
    /// ("…, for example Host=…;Password=…", "expected something like Server=…"): a message, not a configured value.
    /// </summary>
    public static bool IsExampleInProse(string text)
    {
        var words = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == ' ' && text[i - 1] != ' ')
            {
                words++;
            }
        }

        foreach (var marker in ExampleMarkers)
        {
            for (var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + marker.Length;
                var before = at == 0 ? ' ' : text[at - 1];
                var after = end >= text.Length ? ' ' : text[end];
                // A word of the sentence, not part of a value ("Server=example.com", "Database=samples").
                // "Example: ftp://user:pass@server/folder" introduces its example with a colon, without three words of prose.
                if ((char.IsWhiteSpace(before) || before == '(' || before == '"' || before == '\'' || before == ',')
                    && (char.IsWhiteSpace(after) || after == ':' || after == ',' || after == ')' || after == '"' || (after == '.' && (end + 1 >= text.Length || !char.IsLetter(text[end + 1]))))
                    && (words >= 3 || after == ':'))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="v"/> contains a whitespace character.</summary>
    public static bool HasWhitespace(string v)
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

    internal static bool IsStatusCode(string v)
    {
        if (v.Length > 6)
        {
            return false;
        }

        bool digit = false, letter = false;
        foreach (var c in v)
        {
            if (c >= '0' && c <= '9')
            {
                digit = true;
            }
            else if (c >= 'A' && c <= 'Z')
            {
                letter = true;
            }
            else
            {
                return false;
            }
        }

        return digit && letter;
    }

    // A password generator's alphabet: long, with runs of consecutive letters or digits (ABCDEFGH, 23456789).
    internal static bool IsCharacterSet(string v)
    {
        if (v.Length < 20)
        {
            return false;
        }

        var run = 1;
        for (var i = 1; i < v.Length; i++)
        {
            run = v[i] == v[i - 1] + 1 && char.IsLetterOrDigit(v[i]) ? run + 1 : 1;
            if (run >= 6)
            {
                return true;
            }
        }

        return false;
    }

    // Stripe publishable keys are public by design (they go into the browser).
    internal static bool IsPublicByDesign(string v)
        => v.StartsWith("pk_live_", StringComparison.Ordinal) || v.StartsWith("pk_test_", StringComparison.Ordinal);

    internal static bool IsFileName(string v)
    {
        var dot = v.LastIndexOf('.');
        if (dot <= 0 || v.Length - dot - 1 < 2 || v.Length - dot - 1 > 4)
        {
            return false;
        }

        for (var i = 0; i < v.Length; i++)
        {
            var c = v[i];
            if (i > dot ? !(c >= 'a' && c <= 'z') : !(char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsDottedNumber(string v)
    {
        foreach (var c in v)
        {
            if (!(char.IsDigit(c) || c == '.'))
            {
                return false;
            }
        }

        return v.IndexOf('.') > 0;
    }

    internal static bool IsMediaType(string v)
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

    internal static bool IsAuthScheme(string v)
        => string.Equals(v, "Bearer", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "Basic", StringComparison.OrdinalIgnoreCase)
        || string.Equals(v, "Digest", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "Negotiate", StringComparison.OrdinalIgnoreCase)
        || string.Equals(v, "ApiKey", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "OAuth", StringComparison.OrdinalIgnoreCase);

    internal static bool IsEnvironmentVariableName(string v)
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
    internal static bool IsKeyPath(string v)
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
}
