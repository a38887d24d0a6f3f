using System;
using System.Collections.Generic;
using System.Text;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>A credential found inside a string value: what it is, and where in the value.</summary>
internal readonly struct FoundCredential
{
    public FoundCredential(CredentialKind kind, int start, int length, string? formatName = null, bool isJwt = false, bool inUrl = false)
    {
        Kind = kind;
        Start = start;
        Length = length;
        FormatName = formatName;
        IsJwt = isJwt;
        InUrl = inUrl;
    }

    public CredentialKind Kind { get; }

    public int Start { get; }

    public int Length { get; }

    /// <summary>The name of the well-known token format, when <see cref="Kind"/> is <see cref="CredentialKind.TokenFormat"/>.</summary>
    public string? FormatName { get; }

    /// <summary>A well-known token format (AWS, GitHub, …): a secret wherever it appears.</summary>
    public bool IsLiveFormat => Kind == CredentialKind.TokenFormat;

    public bool IsJwt { get; }

    /// <summary>Found in a URL's query string (<c>?apikey=…</c>).</summary>
    public bool InUrl { get; }

    /// <summary>What a message calls it: the token format's name, or the kind's text ("API key in a URL").</summary>
    public string Text => FormatName ?? (InUrl ? Kind.Text() + " in a URL" : Kind.Text());
}

/// <summary>
/// Decides whether a string value in a credential position is a hardcoded credential. Weak and default values
/// (admin, changeme, "secret" as a client secret) are: the runtime secret validator never sees values in code.
/// Placeholders that cannot work as a credential are not (<c>&lt;…&gt;</c>, <c>${…}</c>, <c>{{…}}</c>,
/// <c>your-…-here</c>, empty), and neither are names, labels, messages, format strings, regular expressions,
/// paths, URLs, status codes, key names, lexer tokens, character sets and keys published for local emulators.
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
            return new FoundCredential(CredentialKind.TokenFormat, t.Start, t.Length, formatName: t.Kind, isJwt: t.IsJsonWebToken);
        }

        // "Basic <base64 of user:password>", an Authorization header value.
        if (text.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && IsBasicCredentials(text.Substring(6)))
        {
            return new FoundCredential(CredentialKind.BasicCredentials, 6, text.Length - 6);
        }

        // Commented-out lines of sample configuration are skipped: the password of a later, live line still counts.
        var offset = 0;
        var password = CredentialLocator.FindPassword(text);
        while (password is { } commented && NotACredential.IsOnCommentedOutLine(text, offset + commented.Start))
        {
            var lineEnd = text.IndexOf('\n', offset + commented.Start);
            if (lineEnd < 0)
            {
                password = null;
                break;
            }

            offset = lineEnd + 1;
            password = CredentialLocator.FindPassword(text.Substring(offset));
        }

        if (password is { } p)
        {
            var value = text.Substring(offset + p.Start, p.Length);
            if (IsRealLookingPassword(value, p.UserName) && !LocalDevelopmentTools.IsLocalToolCredential(text, value, p.UserName) && !IsEmulator(text)
                && !NotACredential.IsExampleInProse(text))
            {
                var start = offset + p.Start;
                var inUri = text.LastIndexOf("://", start, StringComparison.Ordinal) >= 0 && text.IndexOf('@', start) > start;
                return new FoundCredential(inUri ? CredentialKind.PasswordInUri : CredentialKind.ConnectionStringPassword, start, p.Length);
            }
        }

        if (text.IndexOf('=') < 0)
        {
            return null;
        }

        if (IsEmulator(text))
        {
            return null;
        }

        var found = FindInQuery(text)
            ?? FindOption(text, "password=", ',', CredentialKind.RedisPassword)
            ?? FindOption(text, "AccountKey=", ';', CredentialKind.AzureStorageAccountKey)
            ?? FindOption(text, "SharedAccessKey=", ';', CredentialKind.AzureSharedAccessKey);
        return found is { } f && (NotACredential.IsOnCommentedOutLine(text, f.Start) || NotACredential.IsExampleInProse(text)) ? null : found;
    }

    private static readonly string[] JsonSecretMarkers = { "pass", "pwd", "secret", "token", "key" };

    /// <summary>
    /// A credential in a JSON document held by a string (a raw string literal with a request body or a settings
    /// file): the kind and configuration-style key of the first value that is one. Interpolation holes are not.
    /// </summary>
    public static (CredentialKind Kind, string Key)? FindInJson(string text)
    {
        var first = 0;
        while (first < text.Length && char.IsWhiteSpace(text[first]))
        {
            first++;
        }

        if (first >= text.Length || (text[first] != '{' && text[first] != '[') || text.IndexOf('"') < 0 || !MentionsAny(text, JsonSecretMarkers))
        {
            return null;
        }

        foreach (var value in JsonStringScanner.Scan(WithoutHolesOutsideStrings(text)))
        {
            var kind = value.Value.Length < 4 ? null : CredentialKinds.OfConfigurationKey(value.Path, configurationFile: false);
            if (kind is { } named && IsCredentialLike(value.Value, named, value.Path))
            {
                return (named, value.Path);
            }
        }

        return null;
    }

    private static bool MentionsAny(string text, string[] markers)
    {
        foreach (var marker in markers)
        {
            if (text.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // {"port": {{port}}} in a $$""" string: a hole outside a JSON string stands for a number, so the rest still parses.
    private static string WithoutHolesOutsideStrings(string text)
    {
        if (text.IndexOf(Hole) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"' && (i == 0 || text[i - 1] != '\\'))
            {
                inString = !inString;
            }

            builder.Append(c == Hole && !inString ? '0' : c);
        }

        return builder.ToString();
    }

    // https://api.example.com/?apikey=2c9d9507, …&access_token=…: a credential in a URL's query string.
    private static FoundCredential? FindInQuery(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        var query = scheme < 0 ? -1 : text.IndexOf('?', scheme);
        if (query < 0)
        {
            return null;
        }

        var i = query + 1;
        while (i < text.Length)
        {
            var end = text.IndexOf('&', i);
            if (end < 0)
            {
                end = text.Length;
            }

            var equals = text.IndexOf('=', i);
            if (equals > i && equals < end)
            {
                var name = text.Substring(i, equals - i);
                var start = equals + 1;
                var length = end - start;
                while (length > 0 && (text[start + length - 1] == '#' || char.IsWhiteSpace(text[start + length - 1])))
                {
                    length--;
                }

                if (length >= 6 && name.Length <= 40 && SecretNames.IsSecretName(name))
                {
                    var value = text.Substring(start, length);
                    var kind = CredentialKinds.OfConfigurationKey(name, configurationFile: false) ?? CredentialKind.Secret;
                    // Generated keys mix digits and letters; "?token=refresh" or "?apikey=none" are not keys.
                    if (HasDigitAndLetter(value) && IsCredentialLike(value, kind, name))
                    {
                        return new FoundCredential(kind, start, length, inUrl: true);
                    }
                }
            }

            i = end + 1;
        }

        return null;
    }

    private static bool HasDigitAndLetter(string value)
    {
        bool digit = false, letter = false;
        foreach (var c in value)
        {
            digit |= char.IsDigit(c);
            letter |= char.IsLetter(c);
        }

        return digit && letter;
    }

    /// <summary>True when <paramref name="value"/> is base64 of <c>user:password</c> with a password that is not a placeholder.</summary>
    public static bool IsBasicCredentials(string value)
    {
        var v = value.Trim();
        if (v.Length < 8 || v.Length > 1024 || v.Length % 4 != 0)
        {
            return false;
        }

        foreach (var c in v)
        {
            if (!(char.IsLetterOrDigit(c) || c == '+' || c == '/' || c == '='))
            {
                return false;
            }
        }

        string decoded;
        try
        {
            decoded = new System.Text.UTF8Encoding(false, true).GetString(Convert.FromBase64String(v));
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':');
        if (colon <= 0 || colon == decoded.Length - 1)
        {
            return false;
        }

        foreach (var c in decoded)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return !WeakSecrets.IsPlaceholder(decoded.Substring(colon + 1)) && !WeakSecrets.IsPlaceholder(decoded.Substring(0, colon));
    }

    /// <summary>An AWS access key id (AKIA…, ASIA…): anything else (LocalStack's "test") is an emulator's.</summary>
    public static bool IsAwsAccessKeyId(string value)
        => value.Length == 20 && (value.StartsWith("AKIA", StringComparison.Ordinal) || value.StartsWith("ASIA", StringComparison.Ordinal));

    // Azurite (devstoreaccount1, UseDevelopmentStorage) and the Cosmos DB emulator (localhost:8081) publish their keys.
    private static bool IsEmulator(string text)
        => TokenFormats.IsPublishedEmulatorKey(text)
        || text.IndexOf("AccountName=devstoreaccount1", StringComparison.OrdinalIgnoreCase) >= 0
        || text.IndexOf("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase) >= 0
        || text.IndexOf("AccountEndpoint=https://localhost:8081", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// A cheap shape test run before the semantic model is asked which parameter a positional argument binds
    /// to: at least eight characters without spaces, with a digit or a symbol beyond word separators. Words,
    /// identifiers, type names and messages (nearly every string argument in real code) fail it.
    /// </summary>
    public static bool IsSecretShaped(string value, bool weakWordsCount = true)
    {
        // Option and query keys written before their value ("pass:" + password, "OrganizationId=", "&token="); base64
        // padding ("…Qw==", "…x9=") follows digits, '+', '/' or another '=' somewhere, a key's name does not.
        if (value.Length == 0 || IsKeyBeforeItsValue(value))
        {
            return false;
        }

        // Known weak and default passwords ("admin", "changeme", "P@ssw0rd") are credentials in a password parameter too;
        // capitalised words ("Sample", "Redis") and short numbers are names and counts.
        if (weakWordsCount && value.Length >= 5 && value.Length <= 40 && !NotACredential.HasWhitespace(value)
            && !IsCapitalisedWord(value) && !(IsAllDigitsOrSeparators(value) && value.Length < 6) && WeakSecrets.IsKnownWeak(value))
        {
            return true;
        }

        // Anchors and parameters (#section, @OrganizationId, @scope/package) and selectors (link[href]).
        if (value.Length > 0 && (value[0] == '#' || value[0] == '@' || (value.IndexOf('[') >= 0 && value.IndexOf(']') > value.IndexOf('['))))
        {
            return false;
        }

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
    /// Worth judging at all: five characters or more, or four that are a known weak value ("1234" as a device's factory
    /// password, "root"). Three characters ("000", "123" filling a required client secret or a sample account) are
    /// dummies, not credentials (found dogfooding grandnode2).
    /// </summary>
    public static bool IsLongEnoughToJudge(string value)
        => value.Length >= 5 || (value.Length == 4 && WeakSecrets.IsKnownWeak(value));

    /// <summary>An option or query key written before its value (<c>"pass:"</c>, <c>"OrganizationId="</c>, <c>"&amp;token="</c>).</summary>
    internal static bool IsKeyBeforeItsValue(string value)
    {
        var last = value[value.Length - 1];
        if (last != '=' && last != ':')
        {
            return false;
        }

        for (var i = 0; i < value.Length - 1; i++)
        {
            var c = value[i];
            if (!(char.IsLetter(c) || c == '_' || c == '-' || c == '&' || c == '?' || c == '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when <paramref name="value"/>, sitting in a position of the given <paramref name="kind"/> named
    /// <paramref name="name"/>, is a hardcoded credential (weak and default ones included).
    /// <paramref name="direct"/>: the position alone says it is a credential (key material, a client secret).
    /// <paramref name="nameConstant"/>: a constant, which may spell its own name instead of holding a value.
    /// </summary>
    public static bool IsCredentialLike(string value, CredentialKind kind, string? name = null, bool direct = false, bool nameConstant = false)
    {
        var v = value.Trim();
        if (v.Length < 2 || v.IndexOf(Hole) >= 0 || WeakSecrets.IsPlaceholder(v) || v.IndexOf("EXAMPLE", StringComparison.Ordinal) >= 0 || TokenFormats.IsPublishedEmulatorKey(v))
        {
            return false;
        }

        if (kind == CredentialKind.BasicCredentials)
        {
            return IsBasicCredentials(v);
        }

        if (kind == CredentialKind.BasicUserPassword)
        {
            return IsPlainBasicPair(v);
        }

        // Passphrase-style key material may have spaces ("my custom secret key for authentication"); API keys, access
        // keys and tokens never do, so a value with spaces there is a message ("API Key is invalid").
        var keyMaterial = direct || kind.Has(KindTraits.KeyMaterial);
        if (NotACredential.HasWhitespace(v) && (!keyMaterial || v.Length < 16 || IsSentence(v)))
        {
            // A UI label or a message: "Enter your password", "An API key is required: send it in a header."
            return false;
        }

        // const string Password = "password", EnableWebClientKey = "enablewebclient": a name, not a value.
        if (nameConstant && name is not null && (SpellsName(v, name) || NamesAKindOf(v, name)))
        {
            return false;
        }

        if (NotACredential.ValueReason(v) is not null)
        {
            // Public keys, SQLSTATE and error codes, a generator's alphabet, an action or route named for a password.
            return false;
        }

        // A numeric API key ("195003" for a public music database): issued numbers, not counts, when six digits or more.
        if (kind.Has(KindTraits.IssuedNumbers) && v.Length >= 6 && IsAllDigitsOrSeparators(v) && v.IndexOf('.') < 0 && v.IndexOf('-') < 0 && !WeakSecrets.IsLowEntropy(v))
        {
            return true;
        }

        if (IsOwnedWeakPhrase(v))
        {
            // "MySecretToken" (aria2's RPC secret default), "my-secret-key": weak words a person owned with "my". Names do
            // not say "my", so the identifier casing does not make it one, and no generated token reads like this.
            return true;
        }

        if (WeakSecrets.Classify(v) != Weakness.None)
        {
            // A weak or default value where a password or secret goes is a hardcoded credential all the same.
            return kind.Has(KindTraits.WeakValuesCount) && v.Length >= 4 && !NotACredential.LooksLikeSyntax(v) && !IsIdentifierOfSecretWords(v);
        }

        // Encoding.UTF8.GetBytes("…") into a SymmetricSecurityKey: whatever the text says, it is key material.
        // "Duplicati_Key_42" where a password goes: words and a number, as a person picks a password; a name about a secret
        // ("client_secret", "ApiKey") has no number at its end.
        if (!direct && LooksLikeNameOrSyntax(v) && !(kind.Has(KindTraits.WeakValuesCount) && !NotACredential.LooksLikeSyntax(v) && IsWordsAndNumber(v)))
        {
            return false;
        }

        // Lexer tokens ("hdtvrip"), token purposes ("EmergencyAccessInvite") and configuration key names ("enablewebclient")
        // are words; generated tokens and keys have digits or run longer.
        if (!direct && kind.Has(KindTraits.WordsAreNames) && (IsLowerCaseWords(v) || (v.Length <= 32 && IsLettersOnly(v))))
        {
            return false;
        }

        return true;
    }

    // Upper- and lower-case letters, then a separator or a letter, then two digits or more at the end.
    private static bool IsWordsAndNumber(string v)
    {
        var end = v.Length;
        while (end > 0 && char.IsDigit(v[end - 1]))
        {
            end--;
        }

        if (v.Length - end < 2 || end < 4)
        {
            return false;
        }

        bool upper = false, lower = false;
        for (var i = 0; i < end; i++)
        {
            upper |= char.IsUpper(v[i]);
            lower |= char.IsLower(v[i]);
        }

        return upper && lower;
    }

    private static bool IsOwnedWeakPhrase(string v)
    {
        if (v.Length < 6 || (v[0] != 'm' && v[0] != 'M') || (v[1] != 'y' && v[1] != 'Y'))
        {
            return false;
        }

        // MY_SECRET_TOKEN is the name of an environment variable.
        var upperCaseOnly = true;
        foreach (var c in v)
        {
            upperCaseOnly &= !char.IsLower(c);
        }

        if (upperCaseOnly)
        {
            return false;
        }

        // "MyRpcSecret", "my-app-password": whatever the words between, "my" and a credential word make it a chosen value.
        var words = SecretNames.SplitWords(v);
        var last = words[words.Count - 1];
        return WeakSecrets.IsKnownWeak(v)
            || (words.Count >= 2 && words[0] == "my" && OwnedCredentialWords.Contains(last))
            || (words.Count == 1 && IsLettersOnly(v) && EndsWithOwnedCredentialWord(last));
    }

    private static readonly string[] OwnedCredentialWordList = { "secret", "password", "passwd", "pwd", "token", "apikey", "key", "passphrase" };

    private static readonly HashSet<string> OwnedCredentialWords = new HashSet<string>(OwnedCredentialWordList, StringComparer.Ordinal);

    private static bool EndsWithOwnedCredentialWord(string word)
    {
        foreach (var ending in OwnedCredentialWordList)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A plain <c>user:password</c> pair about to be base64-encoded into a Basic-auth header: a user name without spaces, a
    /// colon, and a password that is not a placeholder or a hole.
    /// </summary>
    public static bool IsPlainBasicPair(string value)
    {
        var colon = value.IndexOf(':');
        if (colon <= 0 || colon == value.Length - 1 || value.IndexOf(Hole) >= 0 || NotACredential.HasWhitespace(value) || value.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var user = value.Substring(0, colon);
        var password = value.Substring(colon + 1);
        return password.Length >= 4 && !WeakSecrets.IsPlaceholder(user) && !WeakSecrets.IsPlaceholder(password) && !NotACredential.LooksLikeSyntax(password);
    }

    // "Password", "ApiKey", "client_secret": an identifier or wire name made of credential words (a field, a form
    // parameter), where "secret" or "client-secret" are values. Identifier casing tells them apart.
    private static bool IsIdentifierOfSecretWords(string v)
    {
        var identifierCasing = false;
        for (var i = 0; i < v.Length; i++)
        {
            var c = v[i];
            if (c == '_' || char.IsUpper(c))
            {
                identifierCasing = true;
            }
            else if (!char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return identifierCasing && MentionsSecretWord(v);
    }

    // GrantTypePassword = "password", AuthenticationMethodClientSecret = "client_secret": a constant of a list of kinds
    // (grant types, claim types, parameter names) whose value is the credential word its name ends with.
    private static readonly string[] KindQualifierWords = { "grant", "type", "types", "kind", "mode", "scheme", "method", "flow", "claim", "scope", "field", "parameter", "param", "header", "column", "route", "action", "response" };

    private static bool NamesAKindOf(string value, string name)
    {
        var words = SecretNames.SplitWords(SecretNames.LastSegment(name));
        var valueWords = string.Concat(SecretNames.SplitWords(value));
        if (words.Count < 2 || valueWords.Length == 0)
        {
            return false;
        }

        var qualified = false;
        for (var i = 0; i < words.Count - 1; i++)
        {
            qualified |= System.Array.IndexOf(KindQualifierWords, words[i]) >= 0;
        }

        for (var take = 1; qualified && take < words.Count; take++)
        {
            if (string.Concat(words.GetRange(words.Count - take, take)) == valueWords)
            {
                return true;
            }
        }

        return false;
    }

    // The value spells the identifier (ClientSecret = "client_secret"), or the identifier without a trailing
    // word that says it is a name (AccessTokenKey = "access_token", PasswordField = "pwd" is not covered).
    private static bool SpellsName(string value, string name)
    {
        var letters = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }

        if (letters.Length == 0)
        {
            return false;
        }

        var words = SecretNames.SplitWords(SecretNames.LastSegment(name));
        var spelled = letters.ToString();
        if (spelled == string.Concat(words))
        {
            return true;
        }

        if (words.Count > 1 && (words[words.Count - 1] == "key" || words[words.Count - 1] == "name" || words[words.Count - 1] == "field" || words[words.Count - 1] == "param" || words[words.Count - 1] == "option"))
        {
            words.RemoveAt(words.Count - 1);
            return spelled == string.Concat(words);
        }

        return false;
    }

    private static bool IsLettersOnly(string v)
    {
        foreach (var c in v)
        {
            if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerCaseWords(string v)
    {
        foreach (var c in v)
        {
            if (!(c >= 'a' && c <= 'z') && c != '-' && c != '_' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    // StackExchange.Redis configuration strings separate options with commas ("redis:6380,password=…,ssl=true");
    // Azure Storage and Service Bus connection strings carry keys, not passwords ("…;AccountKey=…", "…;SharedAccessKey=…").
    private static FoundCredential? FindOption(string text, string key, char separator, CredentialKind kind)
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
            ? new FoundCredential(kind, start, length)
            : null;
    }

    private static bool IsSentence(string v)
    {
        var last = v[v.Length - 1];
        return last == '.' || last == '!' || last == '?' || last == ':' || v.IndexOf(": ", StringComparison.Ordinal) >= 0 || v.IndexOf(", ", StringComparison.Ordinal) >= 0;
    }

    // Weak and default passwords (sa/sa, postgres/postgres) are hardcoded credentials; placeholders and holes are not.
    private static bool IsRealLookingPassword(string value, string? userName)
    {
        _ = userName;
        if (value.Length == 0 || value.IndexOf(Hole) >= 0 || value.IndexOf('{') >= 0 || value.StartsWith("$(", StringComparison.Ordinal))
        {
            return false;
        }

        return !WeakSecrets.IsPlaceholder(value) && value.IndexOf("EXAMPLE", StringComparison.Ordinal) < 0 && !TokenFormats.IsPublishedEmulatorKey(value);
    }

    // AWS documents its examples with this suffix (AKIAIOSFODNN7EXAMPLE); scanners agree to skip it.
    private static bool IsDocumentedExample(string token)
        => token.IndexOf("EXAMPLE", StringComparison.Ordinal) >= 0 || (token.Length >= 16 && WeakSecrets.IsLowEntropy(token.Substring(4)));

    private static bool LooksLikeNameOrSyntax(string v)
        => NotACredential.LooksLikeSyntax(v) || (IsIdentifierShaped(v) && (SecretNames.IsSecretName(v) || MentionsSecretWord(v)));

    // "client_secret", "Jwt:Key", "x-api-key" name things; "Pass@word1" has a symbol no name has.
    private static bool IsIdentifierShaped(string v)
    {
        foreach (var c in v)
        {
            if (!char.IsLetterOrDigit(c) && c != '_' && c != '-' && c != '.' && c != ':')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCapitalisedWord(string v)
    {
        if (!char.IsUpper(v[0]))
        {
            return false;
        }

        foreach (var c in v)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllDigitsOrSeparators(string v)
    {
        foreach (var c in v)
        {
            if (!char.IsDigit(c) && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
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

}
