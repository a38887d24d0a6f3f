using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>
/// Names the kind of credential an identifier or a configuration key holds ("password", "API key",
/// "signing key"), on top of the shared <see cref="SecretNames"/> rules.
/// </summary>
internal static class CredentialKinds
{
    // "<word> key" names key material: JwtKey, Jwt:Key, HmacKey, AccountKey. CacheKey, PrimaryKey stay out.
    private static readonly HashSet<string> KeyQualifiers = new HashSet<string>(StringComparer.Ordinal)
    {
        "jwt", "hmac", "aes", "signing", "encryption", "api", "private", "access", "secret", "master", "subscription",
        "crypto", "cipher", "client", "shared", "auth", "authentication", "storage", "account", "security", "sas", "token",
    };

    // Keys ending in "Key" that are not secrets (configuration files only; code names are stricter).
    private static readonly HashSet<string> NonSecretKeyQualifiers = new HashSet<string>(StringComparer.Ordinal)
    {
        "cache", "primary", "partition", "sort", "foreign", "routing", "public", "instrumentation", "idempotency",
        "lookup", "hash", "composite", "unique", "index", "map", "dictionary", "shortcut", "hot", "row", "sharding",
        "grouping", "message", "object", "resource", "translation", "localization", "feature", "setting", "settings",
        "config", "license", "site", "recaptcha", "distribution", "group", "entity", "table", "column", "sequence",
    };

    // Last words that make a name about a secret rather than a secret, beyond the shared list.
    private static readonly HashSet<string> DescriptiveLastWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "algorithm", "algorithms", "schedule", "rotation", "strategy", "hasher", "generator", "complexity", "history",
        "age", "interval", "duration", "minutes", "seconds", "hours", "days", "level", "status", "state", "result",
        "request", "response", "exception", "attribute", "builder", "factory", "accessor", "cache", "claims",
        // Elasticsearch/Lucene analysis: VERSION_PAD1_TOKEN_FILTER names a token filter (Exceptionless).
        "filter", "filters",
        // A certificate's thumbprint or a key's fingerprint is public, like the certificate (ClientSecretThumbprint).
        "thumbprint", "thumbprints", "fingerprint",
        // PasswordOption = "password" names a command-line option; PASSPHRASELESS_ACTIONS lists actions (duplicati).
        "option", "action", "actions",
    };

    // PublicKeyToken (a strong name's), ServerPublicKey, PublishableKey: a public key, or a value derived from one, is
    // public (elsa-core's appsettings.json lists shared assemblies by PublicKeyToken).
    private static readonly HashSet<string> PublicKeyQualifiers = new HashSet<string>(StringComparer.Ordinal) { "public", "publishable" };

    // First words of a name whose value was cut down or masked before it is logged (PRD010 only).
    private static readonly HashSet<string> ReducedForLogQualifiers = new HashSet<string>(StringComparer.Ordinal)
    {
        "truncated", "masked", "redacted", "obfuscated", "partial", "shortened", "abbreviated", "sanitized", "scrubbed",
        "anonymized", "censored", "hidden",
    };

    // WeakPasswords, BannedPasswords, CommonPasswords: lists of values to reject, not credentials.
    private static readonly HashSet<string> ListQualifiers = new HashSet<string>(StringComparer.Ordinal)
    {
        "weak", "common", "banned", "forbidden", "blocked", "blacklisted", "blacklist", "blocklist", "denied", "denylist",
        "disallowed", "leaked", "breached", "compromised", "bad", "insecure", "known", "invalid", "wrong", "rejected",
    };

    /// <summary>
    /// The kind of credential a C# identifier names (<c>dbPassword</c> → password), or null. Connection-string
    /// names do not count: a connection string is only a credential when it carries a password.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public static CredentialKind? OfIdentifier(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (!MayNameCredential(name!))
        {
            return null;
        }

        var words = SecretNames.SplitWords(SecretNames.LastSegment(name!));
        if (IsDescriptive(words) || (words.Count > 1 && ListQualifiers.Contains(words[0])) || NamesPublicKey(words))
        {
            return null;
        }

        if (SecretNames.IsSecretName(name))
        {
            return KindOf(words);
        }

        return IsQualifiedKey(words, configurationFile: false) ? KindOf(words) : null;
    }

    /// <summary>
    /// The kind of credential a value written to a log holds, by its name: what <see cref="OfIdentifier"/> says, and
    /// a connection string (<c>connectionString</c>, <c>_dbConnectionString</c>), which in a log is a credential
    /// whether or not this name says it carries a password: the one read from configuration usually does.
    /// </summary>
    public static CredentialKind? OfLoggedIdentifier(string? name)
    {
        // truncatedSecret = secret[..10], maskedPassword: the code cut the value down for the log on purpose.
        if (name is not null && SecretNames.SplitWords(name) is { Count: > 1 } words && ReducedForLogQualifiers.Contains(words[0]))
        {
            return null;
        }

        if (OfIdentifier(name) is { } kind)
        {
            return kind;
        }

        if (name is null || name.IndexOf("conn", StringComparison.OrdinalIgnoreCase) < 0 || !SecretNames.IsSecretName(name))
        {
            return null;
        }

        return IsConnectionStringName(SecretNames.SplitWords(SecretNames.LastSegment(name))) ? CredentialKind.ConnectionString : null;
    }

    /// <summary>
    /// The kind of credential a configuration key names (<c>Jwt:Key</c>, <c>DB_PASSWORD</c>,
    /// <c>Stripe:ApiKey</c>), or null.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public static CredentialKind? OfConfigurationKey(string? key, bool configurationFile)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        if (!MayNameCredential(key!))
        {
            return null;
        }

        var last = SecretNames.LastSegment(key!);
        var words = SecretNames.SplitWords(last);
        if (IsDescriptive(words) || NamesPublicKey(words))
        {
            return null;
        }

        if (SecretNames.IsSecretName(key))
        {
            return KindOf(words);
        }

        if (IsQualifiedKey(words, configurationFile))
        {
            return KindOf(words);
        }

        // "Jwt:Key", "Stripe__Key": the segment before a bare "Key" says what it is.
        if (words.Count == 1 && words[0] == "key" && last.Length < key!.Length)
        {
            var parent = key.Substring(0, key.Length - last.Length).TrimEnd(':', '_', '.');
            var parentWords = SecretNames.SplitWords(SecretNames.LastSegment(parent));
            if (parentWords.Count > 0 && !NonSecretKeyQualifiers.Contains(parentWords[parentWords.Count - 1]))
            {
                return parentWords.Contains("jwt") || parentWords.Contains("signing") ? CredentialKind.SigningKey : CredentialKind.Key;
            }
        }

        return null;
    }

    // Every kind above needs one of these in the name (password, passwd, passphrase, pwd, secret, token, …key, connection
    // string). Checked first because nearly every name a literal reaches has none, and splitting it into words allocates.
    private static readonly string[] CredentialWordPieces = { "pass", "pwd", "secret", "token", "key", "conn" };

    [MethodImpl(HotPath.Options)]
    private static bool MayNameCredential(string name)
    {
        foreach (var piece in CredentialWordPieces)
        {
            if (name.IndexOf(piece, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        // "P_W_D", "Pass-Word": the pieces with separators between their letters.
        return (name.IndexOf('_') >= 0 || name.IndexOf('-') >= 0) && MayNameCredential(name.Replace("_", string.Empty).Replace("-", string.Empty));
    }

    /// <summary>True when the identifier names a connection string (<c>connectionString</c>, <c>DbConnString</c>).</summary>
    public static bool IsConnectionStringName(List<string> words)
        => string.Concat(words).IndexOf("connectionstring", StringComparison.Ordinal) >= 0;

    // "public key" (or "publishable key") and nothing after it that names a secret: PublicKeyToken, ServerPublicKey.
    private static bool NamesPublicKey(List<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (PublicKeyQualifiers.Contains(words[i]) && words[i + 1] == "key")
            {
                for (var j = i + 2; j < words.Count; j++)
                {
                    if (words[j].IndexOf("pass", StringComparison.Ordinal) >= 0 || words[j].IndexOf("secret", StringComparison.Ordinal) >= 0
                        || words[j] == "pwd" || words[j] == "private")
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    private static bool IsDescriptive(List<string> words) => words.Count > 1 && DescriptiveLastWords.Contains(words[words.Count - 1]);

    private static bool IsQualifiedKey(List<string> words, bool configurationFile)
    {
        if (words.Count < 2 || words[words.Count - 1] != "key")
        {
            return false;
        }

        var qualifier = words[words.Count - 2];
        return configurationFile ? !NonSecretKeyQualifiers.Contains(qualifier) : KeyQualifiers.Contains(qualifier);
    }

    private static CredentialKind? KindOf(List<string> words)
    {
        var joined = string.Concat(words);
        if (IsConnectionStringName(words) && !Has(joined, "password") && !Has(joined, "pwd"))
        {
            return null;
        }

        if (Has(joined, "passphrase"))
        {
            return CredentialKind.Passphrase;
        }

        if (Has(joined, "password") || Has(joined, "passwd") || Has(joined, "pwd"))
        {
            return CredentialKind.Password;
        }

        if (Has(joined, "clientsecret"))
        {
            return CredentialKind.ClientSecret;
        }

        if (Has(joined, "apikey"))
        {
            return CredentialKind.ApiKey;
        }

        if (Has(joined, "privatekey"))
        {
            return CredentialKind.PrivateKey;
        }

        if (Has(joined, "signingkey") || Has(joined, "jwtkey") || Has(joined, "hmackey"))
        {
            return CredentialKind.SigningKey;
        }

        if (Has(joined, "encryptionkey"))
        {
            return CredentialKind.EncryptionKey;
        }

        if (Has(joined, "accesskey"))
        {
            return CredentialKind.AccessKey;
        }

        if (Has(joined, "token"))
        {
            return CredentialKind.Token;
        }

        if (words.Count > 1 && words[words.Count - 1] == "key" && words[words.Count - 2] == "secret")
        {
            // FrontendAPI:SecretKey, HMAC secret keys: key material, where a passphrase with spaces is a working key.
            return CredentialKind.SecretKey;
        }

        if (Has(joined, "secret"))
        {
            return CredentialKind.Secret;
        }

        return words.Count > 0 && words[words.Count - 1] == "key" ? CredentialKind.Key : CredentialKind.Secret;
    }

    private static bool Has(string joined, string marker) => joined.IndexOf(marker, StringComparison.Ordinal) >= 0;
}
