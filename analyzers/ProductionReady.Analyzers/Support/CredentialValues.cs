using System;
using System.Collections.Generic;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>
/// Decides whether a string value in a credential position is a hardcoded credential. Weak and default values
/// (admin, changeme, "secret" as a client secret) are: the runtime secret validator never sees values in code.
/// Placeholders that cannot work as a credential are not (<c>&lt;…&gt;</c>, <c>${…}</c>, <c>{{…}}</c>,
/// <c>your-…-here</c>, empty), and neither are names, labels, messages, format strings, regular expressions,
/// paths, URLs, status codes, key names, lexer tokens, character sets and keys published for local emulators.
/// </summary>
internal static class CredentialValues
{
    /// <summary>
    /// True when <paramref name="value"/>, sitting in a position of the given <paramref name="kind"/> named
    /// <paramref name="name"/>, is a hardcoded credential (weak and default ones included).
    /// <paramref name="direct"/>: the position alone says it is a credential (key material, a client secret).
    /// <paramref name="nameConstant"/>: a constant, which may spell its own name instead of holding a value.
    /// </summary>
    public static bool IsCredentialLike(string value, CredentialKind kind, string? name = null, bool direct = false, bool nameConstant = false)
    {
        var v = value.Trim();
        if (v.Length < 2 || v.IndexOf(InterpolatedText.Hole) >= 0 || WeakSecrets.IsPlaceholder(v) || v.IndexOf("EXAMPLE", StringComparison.Ordinal) >= 0 || TokenFormats.IsPublishedEmulatorKey(v))
        {
            return false;
        }

        if (kind == CredentialKind.BasicCredentials)
        {
            return BasicAuthValues.IsBasicCredentials(v);
        }

        if (kind == CredentialKind.BasicUserPassword)
        {
            return BasicAuthValues.IsPlainBasicPair(v);
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
        if (nameConstant && name is not null && NameConstants.SpellsItsName(v, name))
        {
            return false;
        }

        if (NotACredential.ValueReason(v) is not null)
        {
            // Public keys, SQLSTATE and error codes, a generator's alphabet, an action or route named for a password.
            return false;
        }

        // A numeric API key ("195003" for a public music database): issued numbers, not counts, when six digits or more.
        if (kind.Has(KindTraits.IssuedNumbers) && v.Length >= 6 && SecretShape.IsAllDigitsOrSeparators(v) && v.IndexOf('.') < 0 && v.IndexOf('-') < 0 && !WeakSecrets.IsLowEntropy(v))
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

    private static bool IsSentence(string v)
    {
        var last = v[v.Length - 1];
        return last == '.' || last == '!' || last == '?' || last == ':' || v.IndexOf(": ", StringComparison.Ordinal) >= 0 || v.IndexOf(", ", StringComparison.Ordinal) >= 0;
    }

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
