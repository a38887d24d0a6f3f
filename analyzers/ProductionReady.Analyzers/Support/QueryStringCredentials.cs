using System;
using System.Runtime.CompilerServices;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>Credentials in the query string of a URL: a secret-named parameter with a generated-looking value.</summary>
internal static class QueryStringCredentials
{
    /// <summary>The first credential in a URL's query string (<c>https://api.example.com/?apikey=2c9d9507</c>, <c>…&amp;access_token=…</c>), or null.</summary>
    [MethodImpl(HotPath.Options)]
    public static FoundCredential? Find(string text)
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
                    if (HasDigitAndLetter(value) && CredentialValues.IsCredentialLike(value, kind, name))
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
}
