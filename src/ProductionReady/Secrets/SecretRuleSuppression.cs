namespace ProductionReady;

/// <summary>
/// Switches one rule off for one configuration key, with the reason why that is acceptable.
/// From configuration: <c>ProductionReady:Secrets:Suppressions:0:Key</c>, <c>…:Rule</c>, <c>…:Reason</c>.
/// </summary>
public sealed class SecretRuleSuppression
{
    /// <summary>The configuration key, e.g. <c>Stripe:PublishableKey</c> (<c>__</c> and <c>:</c> are equivalent; case-insensitive).</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The rule switched off for <see cref="Key"/>.</summary>
    public SecretRule Rule { get; set; }

    /// <summary>Why this is acceptable. Required: a suppression without a reason fails validation of the options.</summary>
    public string Reason { get; set; } = string.Empty;
}
