using System;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>Basic-auth credentials: a header value (base64 of <c>user:password</c>) and the plain pair that becomes one.</summary>
internal static class BasicAuthValues
{
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

    /// <summary>
    /// A plain <c>user:password</c> pair about to be base64-encoded into a Basic-auth header: a user name without spaces, a
    /// colon, and a password that is not a placeholder or a hole.
    /// </summary>
    public static bool IsPlainBasicPair(string value)
    {
        var colon = value.IndexOf(':');
        if (colon <= 0 || colon == value.Length - 1 || value.IndexOf(InterpolatedText.Hole) >= 0 || NotACredential.HasWhitespace(value) || value.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var user = value.Substring(0, colon);
        var password = value.Substring(colon + 1);
        return password.Length >= 4 && !WeakSecrets.IsPlaceholder(user) && !WeakSecrets.IsPlaceholder(password) && !NotACredential.LooksLikeSyntax(password);
    }
}
