using System.ComponentModel.DataAnnotations;
using ProductionReady.Secrets;

namespace ProductionReady;

/// <summary>
/// Marks an options property as a secret that must be present and strong: not a known weak or default
/// value, not a placeholder, not low-entropy, and long enough for its <see cref="Kind"/>.
/// </summary>
/// <remarks>
/// <para>
/// Works with <c>ValidateDataAnnotations()</c> + <c>ValidateOnStart()</c> and with the options
/// validation source generator (<c>[OptionsValidator]</c>). With ProductionReady's secret validation
/// registered first (<c>builder.AddProductionReady()</c> before the options), the problems go into
/// its single startup report instead: fatal in Production, a warning in Development. On its own the
/// attribute fails validation in every environment, like any other validation attribute.
/// </para>
/// <para>Messages name the property and the rule, never the value.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class SecretAttribute : ValidationAttribute
{
    /// <summary>A secret of kind <see cref="SecretKind.Key"/>.</summary>
    public SecretAttribute()
        : this(SecretKind.Key)
    {
    }

    /// <summary>A secret of the given kind.</summary>
    /// <param name="kind">What the secret is; decides the default thresholds.</param>
    public SecretAttribute(SecretKind kind) => Kind = kind;

    /// <summary>What the secret is.</summary>
    public SecretKind Kind { get; }

    /// <summary>Minimum length in characters; 0 means the kind's default (12 for passwords, 32 otherwise).</summary>
    public int MinimumLength { get; set; }

    /// <summary>
    /// Minimum bits of key material for hex or base64 values of non-password kinds; 0 means 256.
    /// </summary>
    public int MinimumBits { get; set; }

    /// <summary>When true, an absent or empty value is accepted; a present value must still be strong.</summary>
    public bool Optional { get; set; }

    /// <summary>The requirement this attribute states.</summary>
    internal SecretRequirement Requirement => SecretRequirement.For(Kind, MinimumLength, MinimumBits);

    /// <inheritdoc />
    public override bool RequiresValidationContext => true;

    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);

        // ProductionReady's secret validation already judged this instance; its report carries the problems.
        if (SecretOptionsProperties.IsHandled(validationContext.ObjectInstance))
        {
            return ValidationResult.Success;
        }

        var member = validationContext.MemberName ?? validationContext.DisplayName;
        var members = validationContext.MemberName is null ? null : new[] { validationContext.MemberName };
        if (value is not null and not string)
        {
            return new ValidationResult($"{member}: [Secret] applies to string members only.", members);
        }

        var text = (string?)value;
        SecretRule? rule;
        string? detail = null;
        if (string.IsNullOrEmpty(text))
        {
            rule = Optional ? null : SecretRule.Missing;
        }
        else
        {
            rule = SecretValueRules.Check(text, Requirement, null, out detail);
        }

        if (rule is null)
        {
            return ValidationResult.Success;
        }

        if (ErrorMessage is not null || ErrorMessageResourceName is not null)
        {
            return new ValidationResult(FormatErrorMessage(validationContext.DisplayName), members);
        }

        var message = SecretValueRules.Describe(rule.Value, Requirement, connectionString: false, detail);
        var hint = SecretHints.For(rule.Value, member, Kind, Requirement.MinimumLength, connectionString: false);
        return new ValidationResult($"{member} [{SecretRuleNames.Of(rule.Value)}]: {message} {hint}", members);
    }
}
