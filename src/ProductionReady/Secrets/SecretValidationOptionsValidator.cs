namespace ProductionReady.Secrets;

/// <summary>
/// Validates <see cref="ProductionReadySecretsOptions"/> at startup; every message starts with the full
/// configuration key and says what to do. An empty environment name or a suppression of a rule that
/// does not exist would silently weaken the validation (fail-open), so both are refused.
/// </summary>
internal sealed class SecretValidationOptionsValidator : IValidateOptions<ProductionReadySecretsOptions>
{
    private const string Section = ProductionReadySecretsOptions.SectionName;
    private readonly IConfiguration? _configuration;

    public SecretValidationOptionsValidator(IConfiguration? configuration = null) => _configuration = configuration;

    public ValidateOptionsResult Validate(string? name, ProductionReadySecretsOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.FailInEnvironments.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.FailInEnvironments[i]))
            {
                failures.Add($"{Section}:FailInEnvironments:{i} is empty, so no environment matches it and problems would only warn: name an environment (e.g. Production) or remove the entry.");
            }
        }

        for (var i = 0; i < options.Required.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Required[i]))
            {
                failures.Add($"{Section}:Required:{i} is empty: name the configuration key that must hold a secret (e.g. Jwt:SigningKey) or remove the entry.");
            }
        }

        var rules = SecretRuleNames.All();

        // The binder drops a list item it cannot convert without a word: read the configured rules.
        foreach (var item in _configuration?.GetSection(Section + ":Suppressions").GetChildren() ?? [])
        {
            var rule = item["Rule"];
            if (!SecretRuleNames.TryParse(rule, out _))
            {
                failures.Add($"{item.Path}:Rule names no rule (it is {(string.IsNullOrEmpty(rule) ? "empty" : $"'{rule}'")}): use one of {rules}.");
            }
        }

        for (var i = 0; i < options.Suppressions.Count; i++)
        {
            var suppression = options.Suppressions[i];
            var key = $"{Section}:Suppressions:{i}";
            if (string.IsNullOrWhiteSpace(suppression.Key))
            {
                failures.Add($"{key}:Key is empty: name the configuration key whose rule is switched off (e.g. Stripe:PublishableKey).");
            }

            if (!Enum.IsDefined(suppression.Rule) && _configuration is null)
            {
                failures.Add($"{key}:Rule does not name a rule: use one of {rules}.");
            }

            if (string.IsNullOrWhiteSpace(suppression.Reason))
            {
                failures.Add($"{key}:Reason is empty: say why switching the rule off for that key is acceptable (a suppression without a reason is refused).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
