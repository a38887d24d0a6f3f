using System;
using System.Runtime.CompilerServices;
using System.Text;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>Credentials in a JSON document held by a string (a raw string literal with a request body or a settings file).</summary>
internal static class JsonCredentials
{
    private static readonly string[] JsonSecretMarkers = { "pass", "pwd", "secret", "token", "key" };

    /// <summary>
    /// A credential in a JSON document held by a string (a raw string literal with a request body or a settings
    /// file): the kind and configuration-style key of the first value that is one. Interpolation holes are not.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public static (CredentialKind Kind, string Key)? Find(string text)
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
            if (kind is { } named && CredentialValues.IsCredentialLike(value.Value, named, value.Path))
            {
                return (named, value.Path);
            }
        }

        return null;
    }

    [MethodImpl(HotPath.Options)]
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
        if (text.IndexOf(InterpolatedText.Hole) < 0)
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

            builder.Append(c == InterpolatedText.Hole && !inString ? '0' : c);
        }

        return builder.ToString();
    }
}
