using ProductionReady.Detection;

namespace ProductionReady.Secrets;

/// <summary>
/// Judges one secret value against its requirement: placeholder, known weak value, equal to the user
/// name, low entropy, too short. Returns at most one problem (the most telling one) and never puts
/// the value into it.
/// </summary>
internal static class SecretValueRules
{
    /// <summary>The problem with <paramref name="value"/>, or null when it is acceptable or empty.</summary>
    public static SecretProblem? Evaluate(string key, string? value, SecretRequirement requirement, string? userName = null, bool connectionString = false)
    {
        var rule = Check(value, requirement, userName, out var detail);
        if (rule is null)
        {
            return null;
        }

        return new SecretProblem(
            key,
            rule.Value,
            Describe(rule.Value, requirement, connectionString, detail),
            SecretHints.For(rule.Value, key, requirement.Kind, requirement.MinimumLength, connectionString),
            value!.Length,
            SecretFingerprint.Of(value));
    }

    /// <summary>The problem of a required secret without a value.</summary>
    public static SecretProblem Missing(string key, SecretRequirement requirement) => new(
        key,
        SecretRule.Missing,
        Describe(SecretRule.Missing, requirement, connectionString: false, null),
        SecretHints.For(SecretRule.Missing, key, requirement.Kind, requirement.MinimumLength, connectionString: false));

    /// <summary>The rule <paramref name="value"/> breaks, or null. Empty values break no rule here.</summary>
    public static SecretRule? Check(string? value, SecretRequirement requirement, string? userName, out string? detail)
    {
        detail = null;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        switch (WeakSecrets.Classify(value, userName))
        {
            case Weakness.Placeholder:
                return SecretRule.Placeholder;
            case Weakness.KnownWeakValue:
                return SecretRule.KnownWeakValue;
            case Weakness.EqualsUserName:
                return SecretRule.EqualsUserName;
            case Weakness.LowEntropy:
                return SecretRule.LowEntropy;
        }

        if (requirement.MinimumBits > 0 && KeyMaterialBits(value) is { } bits)
        {
            if (bits < requirement.MinimumBits)
            {
                detail = $"holds {bits} bits of key material; a {Name(requirement.Kind)} needs at least {requirement.MinimumBits}";
                return SecretRule.TooShort;
            }

            return null;
        }

        if (value.Length < requirement.MinimumLength)
        {
            detail = $"is {value.Length} characters long; a {Name(requirement.Kind)} needs at least {requirement.MinimumLength}";
            return SecretRule.TooShort;
        }

        return null;
    }

    /// <summary>
    /// Bits of key material when <paramref name="value"/> is hex (<c>openssl rand -hex</c>) or padded /
    /// symbol-bearing base64 (<c>openssl rand -base64</c>); null for any other string.
    /// </summary>
    public static int? KeyMaterialBits(string value)
    {
        if (value.Length < 16)
        {
            return null;
        }

        if (value.Length % 2 == 0 && value.All(char.IsAsciiHexDigit))
        {
            return value.Length * 4;
        }

        // Plain alphanumeric strings are valid base64 by accident; only call it base64 when it shows a
        // base64 trait (padding or one of + /), so that a 32-character passphrase is judged by length.
        if (value.Length % 4 == 0 && (value.EndsWith('=') || value.Contains('+', StringComparison.Ordinal) || value.Contains('/', StringComparison.Ordinal)))
        {
            Span<byte> buffer = stackalloc byte[value.Length];
            if (Convert.TryFromBase64String(value, buffer, out var written))
            {
                return written * 8;
            }
        }

        return null;
    }

    /// <summary>The kind's name as the report says it.</summary>
    public static string Name(SecretKind kind) => kind switch
    {
        SecretKind.Password => "password",
        SecretKind.Token => "token",
        SecretKind.ApiSecret => "API secret",
        _ => "key",
    };

    /// <summary>What is wrong, in words, without the value.</summary>
    public static string Describe(SecretRule rule, SecretRequirement requirement, bool connectionString, string? detail)
    {
        var what = connectionString ? "The connection string's password" : $"The {Name(requirement.Kind)}";
        return rule switch
        {
            SecretRule.Missing => $"The required {Name(requirement.Kind)} has no value.",
            SecretRule.Placeholder => $"{what} is a placeholder that was never replaced.",
            SecretRule.KnownWeakValue => $"{what} is a well-known weak or default value, or a trivial variant of one.",
            SecretRule.EqualsUserName => $"{what} equals the user name.",
            SecretRule.LowEntropy => $"{what} has too little variety to be secret (a repeated character, a short alphabet, a keyboard walk or a sequence).",
            SecretRule.TooShort => $"{what} {detail ?? "is too short"}.",
            _ => $"{what} breaks rule {SecretRuleNames.Of(rule)}.",
        };
    }
}
