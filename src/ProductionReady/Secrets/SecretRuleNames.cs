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
}
