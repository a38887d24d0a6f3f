using Microsoft.Extensions.Primitives;

namespace ProductionReady.Secrets;

/// <summary>
/// The secrets section as the binder reads it, with each suppression's <c>Rule</c> given as the report prints it
/// (<c>known-weak-value</c>) turned into the enum's name (<c>KnownWeakValue</c>): an operator copies the rule
/// from the report into a suppression and it works. Everything else, paths included, is the section itself.
/// </summary>
internal sealed class ReportRuleNamesSection(IConfigurationSection inner) : IConfigurationSection
{
    private const string SuppressionsKey = nameof(ProductionReadySecretsOptions.Suppressions);
    private const string RuleKey = nameof(SecretRuleSuppression.Rule);

    /// <summary>The view over <paramref name="configuration"/> when it is a section (as capabilities bind them).</summary>
    public static IConfiguration Over(IConfiguration configuration) =>
        configuration is IConfigurationSection section ? new ReportRuleNamesSection(section) : configuration;

    public string Key => inner.Key;

    public string Path => inner.Path;

    public string? Value
    {
        get => IsSuppressionRule() && SecretRuleNames.TryParse(inner.Value, out var rule) ? rule.ToString() : inner.Value;
        set => inner.Value = value;
    }

    public string? this[string key]
    {
        get => GetSection(key).Value;
        set => inner[key] = value;
    }

    public IConfigurationSection GetSection(string key) => new ReportRuleNamesSection(inner.GetSection(key));

    public IEnumerable<IConfigurationSection> GetChildren() => inner.GetChildren().Select(c => new ReportRuleNamesSection(c));

    public IChangeToken GetReloadToken() => inner.GetReloadToken();

    // …:Secrets:Suppressions:<index>:Rule
    private bool IsSuppressionRule()
    {
        if (!string.Equals(inner.Key, RuleKey, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var segments = inner.Path.Split(ConfigurationPath.KeyDelimiter);
        return segments.Length >= 3 && string.Equals(segments[^3], SuppressionsKey, StringComparison.OrdinalIgnoreCase);
    }
}
