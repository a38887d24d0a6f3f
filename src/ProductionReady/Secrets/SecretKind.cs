namespace ProductionReady;

/// <summary>What a secret is, which decides how strong it must be.</summary>
public enum SecretKind
{
    /// <summary>
    /// A cryptographic key (signing, encryption, HMAC): at least 32 characters, or 256 bits of key
    /// material when the value is hex or base64.
    /// </summary>
    Key = 0,

    /// <summary>A password: at least 12 characters.</summary>
    Password,

    /// <summary>A bearer or access token: the same thresholds as <see cref="Key"/>.</summary>
    Token,

    /// <summary>An API key or client secret: the same thresholds as <see cref="Key"/>.</summary>
    ApiSecret,
}
