namespace ProductionReady.Common;

/// <summary>
/// The secret values the app holds (found by the secret validation), so that Logging can mask them
/// wherever they appear. The one link between two capabilities: Logging asks for values, never for
/// the rules that found them.
/// </summary>
internal interface IKnownSecretValues
{
    /// <summary>The values to mask; never logged or printed themselves.</summary>
    IReadOnlyCollection<string> Values { get; }
}
