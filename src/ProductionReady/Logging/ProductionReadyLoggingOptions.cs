namespace ProductionReady;

/// <summary>Logging options. Bound from the <c>ProductionReady:Logging</c> configuration section.</summary>
public sealed class ProductionReadyLoggingOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ProductionReady:Logging";
}
