using System.Text;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>Constants that spell a name (a field, key, grant type or claim type) instead of holding a value.</summary>
internal static class NameConstants
{
    /// <summary>
    /// True when a constant's value is its own name (<c>ClientSecret = "client_secret"</c>) or the credential word that
    /// ends a name of a list of kinds (<c>GrantTypePassword = "password"</c>): a name, not a value.
    /// </summary>
    public static bool SpellsItsName(string value, string name) => SpellsName(value, name) || NamesAKindOf(value, name);

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
}
