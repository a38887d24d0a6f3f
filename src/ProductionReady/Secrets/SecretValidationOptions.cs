namespace ProductionReady;

/// <summary>Secret validation options. Bound from the <c>ProductionReady:Secrets</c> configuration section.</summary>
public sealed class SecretValidationOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ProductionReady:Secrets";
}
