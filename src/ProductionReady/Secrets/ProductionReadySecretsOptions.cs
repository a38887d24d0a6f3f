namespace ProductionReady;

/// <summary>Secret validation options. Bound from the <c>ProductionReady:Secrets</c> configuration section.</summary>
public sealed class ProductionReadySecretsOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ProductionReady:Secrets";

    /// <summary>The environment problems are fatal in when <see cref="FailInEnvironments"/> is empty.</summary>
    public const string DefaultFailingEnvironment = "Production";

    /// <summary>Turns secret validation on or off. Default: on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Environments in which a problem stops the host from starting and the production-only rules
    /// (test-mode keys, <c>http://</c> authorities, debug switches) apply. Empty means Production.
    /// In every other environment the same report is logged as a warning and the app starts.
    /// </summary>
    public IList<string> FailInEnvironments { get; } = new List<string>();

    /// <summary>
    /// Checks every configuration value whose key names a secret (password, pwd, secret, token,
    /// apikey, clientsecret, privatekey, signingkey), the password of every connection string and of
    /// every <c>user:pass@</c> URI, with no options class needed. Default: on.
    /// </summary>
    public bool ScanConfiguration { get; set; } = true;

    /// <summary>
    /// Configuration keys that must hold a secret (e.g. <c>Jwt:SigningKey</c>); their kind is inferred
    /// from the name. Use <see cref="RequireSecret"/> to state the kind.
    /// </summary>
    public IList<string> Required { get; } = new List<string>();

    /// <summary>Rules switched off for one key each, with a reason.</summary>
    public IList<SecretRuleSuppression> Suppressions { get; } = new List<SecretRuleSuppression>();

    /// <summary>Required secrets declared in code, with their kind.</summary>
    internal Dictionary<string, SecretKind> RequiredKinds { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Declares that <paramref name="key"/> must hold a secret of the given kind.</summary>
    /// <param name="key">The configuration key, e.g. <c>Jwt:SigningKey</c>.</param>
    /// <param name="kind">What the secret is; decides the minimum strength.</param>
    /// <returns>These options, for chaining.</returns>
    public ProductionReadySecretsOptions RequireSecret(string key, SecretKind kind = SecretKind.Key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!Required.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            Required.Add(key);
        }

        RequiredKinds[key] = kind;
        return this;
    }

    /// <summary>Switches <paramref name="rule"/> off for <paramref name="key"/>, saying why.</summary>
    /// <param name="key">The configuration key.</param>
    /// <param name="rule">The rule to switch off for that key.</param>
    /// <param name="reason">Why this is acceptable; required.</param>
    /// <returns>These options, for chaining.</returns>
    public ProductionReadySecretsOptions Suppress(string key, SecretRule rule, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Suppressions.Add(new SecretRuleSuppression { Key = key, Rule = rule, Reason = reason });
        return this;
    }

    /// <summary>True when problems are fatal in <paramref name="environmentName"/>.</summary>
    internal bool FailsIn(string environmentName) =>
        FailInEnvironments.Count == 0
            ? string.Equals(environmentName, DefaultFailingEnvironment, StringComparison.OrdinalIgnoreCase)
            : FailInEnvironments.Any(e => string.Equals(e, environmentName, StringComparison.OrdinalIgnoreCase));
}
