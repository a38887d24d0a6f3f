using System;
using System.Collections.Generic;
using System.Text;

namespace ProductionReady.Detection;

/// <summary>
/// Decides whether a configuration key or a C# identifier names a secret value
/// (<c>Password</c>, <c>Jwt:SigningKey</c>, <c>DB_PASSWORD</c>, <c>clientSecret</c>), and not
/// something about a secret (<c>PasswordMinLength</c>, <c>TokenEndpoint</c>, <c>SecretName</c>).
/// </summary>
/// <remarks>Shared source: compiled into the runtime library and into the analyzers (netstandard2.0).</remarks>
internal static class SecretNames
{
    // Compared against the name with separators removed, lower-cased.
    private static readonly string[] SecretMarkers =
    {
        "password", "passwd", "pwd", "passphrase", "secret", "token", "apikey",
        "privatekey", "signingkey", "connectionstring", "accesskey", "encryptionkey",
    };

    // The name is about a secret, not a secret, when its last word is one of these.
    private static readonly HashSet<string> DescriptiveLastWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "length", "len", "minlength", "maxlength", "min", "max", "policy", "policies", "pattern", "regex",
        "format", "endpoint", "endpoints", "url", "uri", "path", "file", "filename", "dir", "directory",
        "header", "headers", "name", "names", "type", "kind", "label", "prompt", "message", "text", "hint",
        "placeholder", "field", "lifetime", "expiry", "expiration", "expires", "timeout", "count", "enabled",
        "disabled", "required", "provider", "validator", "hash", "hashed", "salt", "id", "ids", "char", "mode",
        "options", "settings", "config", "configuration", "section", "parameter", "parameters", "handler",
        "manager", "service", "store", "source", "location", "variable", "env", "requirements",
        "rules", "strength", "version", "changed", "reset", "issuer", "audience", "scheme", "schemes",
        "cookie", "claim", "types", "error", "errors", "attempts", "retries", "size", "bytes", "bits",
        "prefix", "suffix", "template", "description", "title", "caption", "button", "link", "view",
        "code", "codes", "status", "alphabet", "chars", "characters", "charset", "symbols", "digits", "letters",
        "invalid", "mismatch", "missing", "incorrect", "wrong", "failure", "success", "identifier", "identifiers", "purpose",
    };

    // Names that contain a marker but never hold a credential.
    private static readonly string[] NeverSecret =
    {
        "cancellationtoken", "tokenizer", "tokenize", "tokens", "secretary", "forgotpassword",
        "resetpassword", "changepassword", "confirmpassword", "passwordless", "antiforgerytoken",
        "csrftoken", "xsrftoken", "nexttoken", "continuationtoken", "pagetoken", "pagingtoken",
        "tokentype", "tokenvalidation", "passwordhasher", "passwordoptions", "secretmanager", "syntaxtoken",
    };

    /// <summary>
    /// True when the last segment of <paramref name="name"/> (after <c>:</c>, <c>__</c> or <c>.</c>)
    /// names a secret value.
    /// </summary>
    public static bool IsSecretName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var segment = LastSegment(name!);
        var words = SplitWords(segment);
        if (words.Count == 0)
        {
            return false;
        }

        var joined = string.Concat(words);
        foreach (var never in NeverSecret)
        {
            if (joined.IndexOf(never, StringComparison.Ordinal) >= 0)
            {
                return false;
            }
        }

        var last = words[words.Count - 1];
        if (DescriptiveLastWords.Contains(last) || (words.Count > 1 && last.Length > 4 && last.EndsWith("ed", StringComparison.Ordinal)))
        {
            // PasswordLength, TokenEndpoint; PasswordRejected, TokenExpired (a state or an error code, not a value).
            return false;
        }

        foreach (var marker in SecretMarkers)
        {
            if (joined.IndexOf(marker, StringComparison.Ordinal) >= 0)
            {
                // SecretsManagerStandalone, TokenServiceUrl: a component named after secrets, not a secret.
                return !NamesAComponent(words, marker);
            }
        }

        // "key" alone is too broad (CacheKey, PrimaryKey); "ApiKey", "Api_Key", "X-Api-Key" are covered above.
        return false;
    }

    private static readonly HashSet<string> ComponentWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "manager", "store", "vault", "provider", "service", "client", "handler", "generator", "validator", "identifier",
    };

    private static bool NamesAComponent(List<string> words, string marker)
    {
        var seenMarker = false;
        var prefix = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            prefix.Append(words[i]);
            if (!seenMarker)
            {
                seenMarker = prefix.ToString().IndexOf(marker, StringComparison.Ordinal) >= 0;
                continue;
            }

            if (ComponentWords.Contains(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The last segment of a configuration key (<c>Jwt:SigningKey</c> → <c>SigningKey</c>).</summary>
    public static string LastSegment(string key)
    {
        var start = 0;
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == ':' || key[i] == '.' || (key[i] == '_' && i + 1 < key.Length && key[i + 1] == '_'))
            {
                start = key[i] == '_' ? i + 2 : i + 1;
            }
        }

        return start >= key.Length ? key : key.Substring(start);
    }

    /// <summary>
    /// Splits an identifier into lower-case words on case changes, digits-to-letters and separators:
    /// <c>jwtSigningKey</c> → jwt, signing, key; <c>DB_PASSWORD</c> → db, password; <c>APIKey</c> → api, key.
    /// </summary>
    public static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            if (current.Length > 0 && char.IsUpper(c))
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    Flush(words, current);
                }
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(words, current);
        return words;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
