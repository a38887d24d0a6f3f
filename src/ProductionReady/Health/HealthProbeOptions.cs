namespace ProductionReady;

/// <summary>Health probe options. Bound from the <c>ProductionReady:Health</c> configuration section.</summary>
public sealed class HealthProbeOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ProductionReady:Health";
}
