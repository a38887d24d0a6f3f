namespace ProductionReady.Secrets;

/// <summary>The stable, kebab-case rule names the report and its JSON form use.</summary>
internal static class SecretRuleNames
{
    public static string Of(SecretRule rule) => rule switch
    {
        SecretRule.Missing => "missing",
        SecretRule.KnownWeakValue => "known-weak-value",
        SecretRule.Placeholder => "placeholder",
        SecretRule.LowEntropy => "low-entropy",
        SecretRule.EqualsUserName => "equals-user-name",
        SecretRule.TooShort => "too-short",
        SecretRule.TestModeKey => "test-mode-key",
        SecretRule.InsecureUrl => "insecure-url",
        SecretRule.DebugSwitch => "debug-switch",
        _ => rule.ToString(),
    };

    /// <summary>
    /// The rule <paramref name="name"/> names: the name the report prints (<c>known-weak-value</c>) or the enum's
    /// (<c>KnownWeakValue</c>), case-insensitive.
    /// </summary>
    public static bool TryParse(string? name, out SecretRule rule)
    {
        rule = default;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var trimmed = name.Trim();
        foreach (var candidate in Enum.GetValues<SecretRule>())
        {
            if (string.Equals(Of(candidate), trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                rule = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Every rule as the report names it, for messages.</summary>
    public static string All() => string.Join(", ", Enum.GetValues<SecretRule>().Select(Of));
}
