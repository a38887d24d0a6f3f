namespace ProductionReady.Secrets;

/// <summary>How strong one secret must be: its kind, minimum length and minimum key material.</summary>
internal readonly record struct SecretRequirement(SecretKind Kind, int MinimumLength, int MinimumBits)
{
    /// <summary>Passwords: at least 12 characters.</summary>
    public const int DefaultPasswordLength = 12;

    /// <summary>Keys, tokens and API secrets: at least 32 characters.</summary>
    public const int DefaultKeyLength = 32;

    /// <summary>Keys, tokens and API secrets given as hex or base64: at least 256 bits.</summary>
    public const int DefaultKeyBits = 256;

    /// <summary>
    /// Third-party secrets found by the configuration scan (API keys, client secrets, tokens issued by
    /// someone else, whose length the app does not choose): at least 16 characters.
    /// </summary>
    public const int ScannedThirdPartyLength = 16;

    /// <summary>The default requirement of a kind, with optional per-property overrides (0 = default).</summary>
    public static SecretRequirement For(SecretKind kind, int minimumLength = 0, int minimumBits = 0) =>
        kind == SecretKind.Password
            ? new(kind, minimumLength > 0 ? minimumLength : DefaultPasswordLength, 0)
            : new(kind, minimumLength > 0 ? minimumLength : DefaultKeyLength, minimumBits > 0 ? minimumBits : DefaultKeyBits);

    /// <summary>
    /// What the configuration scan expects of a key it found by name: passwords are passwords; signing,
    /// encryption and private keys are keys the app generates; anything else (API keys, client secrets,
    /// tokens) is issued by a third party and only has to be plausible.
    /// </summary>
    public static SecretRequirement InferFromName(string key)
    {
        var words = string.Concat(ProductionReady.Detection.SecretNames.SplitWords(ProductionReady.Detection.SecretNames.LastSegment(key)));
        if (words.Contains("password", StringComparison.Ordinal) || words.Contains("passwd", StringComparison.Ordinal)
            || words.Contains("pwd", StringComparison.Ordinal) || words.Contains("passphrase", StringComparison.Ordinal))
        {
            return For(SecretKind.Password);
        }

        if (words.Contains("signingkey", StringComparison.Ordinal) || words.Contains("encryptionkey", StringComparison.Ordinal)
            || words.Contains("privatekey", StringComparison.Ordinal))
        {
            return For(SecretKind.Key);
        }

        return new(SecretKind.ApiSecret, ScannedThirdPartyLength, 0);
    }
}
