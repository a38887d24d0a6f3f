namespace ProductionReady.Secrets;

/// <summary>
/// Puts the report together: problems of <see cref="SecretAttribute"/> options, required secrets, the
/// configuration-wide scan; then removes duplicates and applies the suppressions.
/// </summary>
internal sealed class SecretValidator
{
    private readonly IConfiguration _configuration;
    private readonly IHostEnvironment _environment;
    private readonly IOptionsMonitor<ProductionReadySecretsOptions> _options;
    private readonly DeclaredSecretProblems _declared;

    public SecretValidator(IConfiguration configuration, IHostEnvironment environment, IOptionsMonitor<ProductionReadySecretsOptions> options, DeclaredSecretProblems declared)
    {
        _configuration = configuration;
        _environment = environment;
        _options = options;
        _declared = declared;
    }

    public ProductionReadySecretsOptions Options => _options.CurrentValue;

    public SecretValidationReport Validate()
    {
        var (problems, judgedKeys) = _declared.Snapshot();
        return Validate(_configuration, _environment.EnvironmentName, _options.CurrentValue, problems, judgedKeys);
    }

    /// <summary>The whole validation, without a host: what the benchmark measures.</summary>
    public static SecretValidationReport Validate(
        IConfiguration configuration,
        string environmentName,
        ProductionReadySecretsOptions options,
        IReadOnlyList<SecretProblem> declaredProblems,
        IReadOnlyCollection<string> declaredKeys)
    {
        var fatal = options.FailsIn(environmentName);
        var judged = new HashSet<string>(declaredKeys.Select(Normalize), StringComparer.OrdinalIgnoreCase);
        var found = new List<SecretProblem>(declaredProblems);

        foreach (var key in options.Required)
        {
            var normalized = Normalize(key);
            if (!judged.Add(normalized))
            {
                continue;
            }

            var requirement = options.RequiredKinds.TryGetValue(key, out var kind)
                ? SecretRequirement.For(kind)
                : SecretRequirement.InferFromName(key);
            var value = configuration[normalized];
            if (string.IsNullOrEmpty(value))
            {
                found.Add(SecretValueRules.Missing(normalized, requirement));
            }
            else if (SecretValueRules.Evaluate(normalized, value, requirement) is { } problem)
            {
                found.Add(problem);
            }
        }

        if (options.ScanConfiguration)
        {
            var scanned = new List<SecretProblem>();
            ConfigurationSecretScanner.Scan(configuration, productionRules: fatal, scanned);

            // A key judged against a declared requirement is not judged again by name.
            found.AddRange(scanned.Where(p => !(IsValueRule(p.Rule) && judged.Contains(p.Key))));
        }

        var problems = new List<SecretProblem>(found.Count);
        var suppressed = new List<SuppressedSecretProblem>();
        // String keys, not (string, SecretRule) tuples: a value-type instantiation of HashSet would be
        // compiled just for this, at startup, when the first call's cost is what counts.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var problem in found)
        {
            if (!seen.Add(problem.Key + "\n" + SecretRuleNames.Of(problem.Rule)))
            {
                continue;
            }

            var suppression = options.Suppressions.FirstOrDefault(s =>
                s.Rule == problem.Rule && string.Equals(Normalize(s.Key), problem.Key, StringComparison.OrdinalIgnoreCase));
            if (suppression is null)
            {
                problems.Add(problem);
            }
            else
            {
                suppressed.Add(new SuppressedSecretProblem(problem.Key, problem.Rule, suppression.Reason));
            }
        }

        return new SecretValidationReport(environmentName, fatal, problems, suppressed);
    }

    /// <summary><c>Jwt__SigningKey</c> and <c>Jwt:SigningKey</c> name the same key.</summary>
    public static string Normalize(string key) => key.Trim().Replace("__", ":", StringComparison.Ordinal);

    private static bool IsValueRule(SecretRule rule) =>
        rule is not (SecretRule.TestModeKey or SecretRule.InsecureUrl or SecretRule.DebugSwitch);
}
