using System;

namespace ProductionReady.Analyzers;

/// <summary>
/// What kind of credential a position holds or a value is. Kinds are compared as this type; their message text comes
/// from <see cref="CredentialKindText"/> only. A well-known token format is <see cref="TokenFormat"/>, and its message
/// text is the format's own name (<see cref="FoundCredential.Text"/>).
/// </summary>
internal enum CredentialKind
{
    Secret,
    Password,
    Passphrase,
    ClientSecret,
    ApiKey,
    PrivateKey,
    SigningKey,
    EncryptionKey,
    AccessKey,
    Token,

    /// <summary>A JWT/HMAC "SecretKey": key material, which may be a passphrase with spaces.</summary>
    SecretKey,
    Key,

    /// <summary>A connection string written to a log (PRD010), whether or not its name says it carries a password.</summary>
    ConnectionString,

    /// <summary>The value of a Basic Authorization header (base64 of <c>user:password</c>).</summary>
    BasicCredentials,

    /// <summary>A <c>user:password</c> literal whose bytes become a Basic-auth header value.</summary>
    BasicUserPassword,
    AwsSecretAccessKey,
    PasswordInUri,
    ConnectionStringPassword,
    RedisPassword,
    AzureStorageAccountKey,
    AzureSharedAccessKey,

    /// <summary>A well-known token format (AWS, GitHub, a private key, a JWT): named by its format.</summary>
    TokenFormat,
}

/// <summary>How a value of a kind is judged, where the kinds differ.</summary>
[Flags]
internal enum KindTraits
{
    None = 0,

    /// <summary>Key material: a passphrase with spaces is a working key ("my custom secret key for authentication").</summary>
    KeyMaterial = 1,

    /// <summary>A person sets it, so a weak word ("admin", "changeme") is a credential; tokens and API keys are generated.</summary>
    WeakValuesCount = 2,

    /// <summary>Lower-case words and short letter runs there are names (lexer tokens, token purposes, key names).</summary>
    WordsAreNames = 4,

    /// <summary>An issued number of six digits or more is a key ("195003" for a public music database).</summary>
    IssuedNumbers = 8,
}

/// <summary>The message text and the judging traits of each <see cref="CredentialKind"/>: one row per kind, in enum order.</summary>
internal static class CredentialKindText
{
    /// <summary>One kind: its article and text as messages read them, and how its values are judged.</summary>
    internal readonly struct Row(CredentialKind kind, string article, string text, KindTraits traits = KindTraits.None)
    {
        public CredentialKind Kind { get; } = kind;

        public string Article { get; } = article;

        public string Text { get; } = text;

        public KindTraits Traits { get; } = traits;
    }

    /// <summary>Every kind, indexed by its value (a test keeps the order).</summary>
    public static readonly Row[] Table =
    {
        new(CredentialKind.Secret, "a", "secret", KindTraits.WeakValuesCount),
        new(CredentialKind.Password, "a", "password", KindTraits.WeakValuesCount),
        new(CredentialKind.Passphrase, "a", "passphrase", KindTraits.KeyMaterial | KindTraits.WeakValuesCount),
        new(CredentialKind.ClientSecret, "a", "client secret", KindTraits.WeakValuesCount),
        new(CredentialKind.ApiKey, "an", "API key", KindTraits.WordsAreNames | KindTraits.IssuedNumbers),
        new(CredentialKind.PrivateKey, "a", "private key", KindTraits.KeyMaterial),
        new(CredentialKind.SigningKey, "a", "signing key", KindTraits.KeyMaterial | KindTraits.WeakValuesCount),
        new(CredentialKind.EncryptionKey, "an", "encryption key", KindTraits.KeyMaterial | KindTraits.WeakValuesCount),
        new(CredentialKind.AccessKey, "an", "access key", KindTraits.WordsAreNames | KindTraits.IssuedNumbers),
        new(CredentialKind.Token, "a", "token", KindTraits.WordsAreNames),
        new(CredentialKind.SecretKey, "a", "secret key", KindTraits.KeyMaterial | KindTraits.WeakValuesCount),
        new(CredentialKind.Key, "a", "key", KindTraits.KeyMaterial | KindTraits.WordsAreNames),
        new(CredentialKind.ConnectionString, "a", "connection string"),
        new(CredentialKind.BasicCredentials, "", "Basic-auth credentials"),
        new(CredentialKind.BasicUserPassword, "a", "Basic-auth user:password"),
        new(CredentialKind.AwsSecretAccessKey, "an", "AWS secret access key"),
        new(CredentialKind.PasswordInUri, "a", "password in a URI"),
        new(CredentialKind.ConnectionStringPassword, "a", "connection string password"),
        new(CredentialKind.RedisPassword, "a", "Redis password"),
        new(CredentialKind.AzureStorageAccountKey, "an", "Azure storage account key"),
        new(CredentialKind.AzureSharedAccessKey, "an", "Azure shared access key"),
        new(CredentialKind.TokenFormat, "a", "well-known token format"),
    };

    /// <summary>The kind as a message names it: "password", "API key".</summary>
    public static string Text(this CredentialKind kind) => Table[(int)kind].Text;

    /// <summary>The kind with its indefinite article, as a message reads it: "a password", "an API key".</summary>
    public static string WithArticle(this CredentialKind kind)
    {
        var row = Table[(int)kind];
        return row.Article.Length == 0 ? row.Text : row.Article + " " + row.Text;
    }

    /// <summary>True when values of <paramref name="kind"/> are judged with <paramref name="trait"/>.</summary>
    public static bool Has(this CredentialKind kind, KindTraits trait) => (Table[(int)kind].Traits & trait) != 0;
}
