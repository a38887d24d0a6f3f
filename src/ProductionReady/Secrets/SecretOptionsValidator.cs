using ProductionReady.Detection;

namespace ProductionReady.Secrets;

/// <summary>
/// Registered for every options type (open generic), judges the <see cref="SecretAttribute"/>
/// properties of <typeparamref name="TOptions"/> when an instance is created and hands the problems to
/// the startup report. Types without such properties cost one cached reflection lookup.
/// </summary>
internal sealed class SecretOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly DeclaredSecretProblems _declared;
    private readonly KnownSecretValues _known;
    private readonly IConfiguration _configuration;
    private readonly IServiceProvider _services;

    // No logger or options in the constructor: this validator is part of creating every options type,
    // the logging system's own included, and must not depend on them (a dependency cycle).
    public SecretOptionsValidator(DeclaredSecretProblems declared, KnownSecretValues known, IConfiguration configuration, IServiceProvider services)
    {
        _declared = declared;
        _known = known;
        _configuration = configuration;
        _services = services;
    }

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var properties = SecretOptionsProperties.Of(typeof(TOptions));
        if (properties.Length == 0 || options is null)
        {
            return ValidateOptionsResult.Skip;
        }

        // Resolved here, not in the constructor: ProductionReadySecretsOptions is itself an options type.
        if (!_services.GetRequiredService<IOptionsMonitor<ProductionReadySecretsOptions>>().CurrentValue.Enabled)
        {
            // Switched off: [Secret] stays an ordinary validation attribute wherever the app uses it.
            return ValidateOptionsResult.Skip;
        }

        SecretOptionsProperties.MarkHandled(options);
        var problems = new List<SecretProblem>();
        var keys = new List<string>(properties.Length);
        foreach (var property in properties)
        {
            var value = property.Read(options);
            var key = KeyOf(property, value);
            keys.Add(key);
            var requirement = property.Attribute.Requirement;
            if (string.IsNullOrEmpty(value))
            {
                if (!property.Attribute.Optional)
                {
                    problems.Add(SecretValueRules.Missing(key, requirement));
                }

                continue;
            }

            _known.Add(value);
            if (SecretValueRules.Evaluate(key, value, requirement) is { } problem)
            {
                problems.Add(problem);
            }
        }

        _declared.Record(typeof(TOptions), name, keys, problems.ToArray());
        if (problems.Count == 0 || !_declared.Reported)
        {
            // Before the startup report: it carries these problems, once, with everything else.
            return ValidateOptionsResult.Success;
        }

        // Options created after startup (no ValidateOnStart): too late for the report.
        var messages = problems.Select(p => $"{p.Key} [{SecretRuleNames.Of(p.Rule)}]: {p.Message} {p.Hint}").ToArray();
        if (_declared.Fatal)
        {
            return ValidateOptionsResult.Fail(messages);
        }

        var logger = _services.GetRequiredService<ILogger<SecretValidationHostedService>>();
        SecretValidationLog.LateProblems(logger, typeof(TOptions).Name, string.Join(Environment.NewLine, messages));
        return ValidateOptionsResult.Success;
    }

    // The configuration key of a property: the type's SectionName convention, else the key that holds
    // this very value under the property's name, else Type:Property.
    private string KeyOf(SecretProperty property, string? value)
    {
        if (SecretOptionsProperties.SectionNameOf(typeof(TOptions)) is { Length: > 0 } section)
        {
            return section + ":" + property.Name;
        }

        if (!string.IsNullOrEmpty(value))
        {
            foreach (var (key, candidate) in _configuration.AsEnumerable())
            {
                if (string.Equals(candidate, value, StringComparison.Ordinal)
                    && string.Equals(SecretNames.LastSegment(key), property.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return key;
                }
            }
        }

        return typeof(TOptions).Name + ":" + property.Name;
    }
}
