namespace ProductionReady;

/// <summary>Security header options. Bound from the <c>ProductionReady:SecurityHeaders</c> configuration section.</summary>
public sealed class SecurityHeadersOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ProductionReady:SecurityHeaders";
}
