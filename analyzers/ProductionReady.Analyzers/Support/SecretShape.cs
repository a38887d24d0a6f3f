using System.Runtime.CompilerServices;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>
/// Cheap shape tests of a value, run before anything asks the semantic model or judges the value in its position: long
/// enough to judge, shaped like a secret, or an option key written before its value.
/// </summary>
internal static class SecretShape
{
    /// <summary>
    /// Worth judging at all: five characters or more, or four that are a known weak value ("1234" as a device's factory
    /// password, "root"). Three characters ("000", "123" filling a required client secret or a sample account) are
    /// dummies, not credentials (found dogfooding grandnode2).
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public static bool IsLongEnoughToJudge(string value)
        => value.Length >= 5 || (value.Length == 4 && WeakSecrets.IsKnownWeak(value));

    /// <summary>
    /// A cheap shape test run before the semantic model is asked which parameter a positional argument binds
    /// to: at least eight characters without spaces, with a digit or a symbol beyond word separators. Words,
    /// identifiers, type names and messages (nearly every string argument in real code) fail it.
    /// </summary>
    [MethodImpl(HotPath.Options)]
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

    /// <summary>An option or query key written before its value (<c>"pass:"</c>, <c>"OrganizationId="</c>, <c>"&amp;token="</c>).</summary>
    [MethodImpl(HotPath.Options)]
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

    [MethodImpl(HotPath.Options)]
    internal static bool IsCapitalisedWord(string v)
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

    [MethodImpl(HotPath.Options)]
    internal static bool IsAllDigitsOrSeparators(string v)
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
}
