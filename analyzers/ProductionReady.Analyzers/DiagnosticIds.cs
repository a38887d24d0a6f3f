namespace ProductionReady.Analyzers;

/// <summary>The IDs of every ProductionReady diagnostic, in one place.</summary>
internal static class DiagnosticIds
{
    public const string HardcodedCredential = "PRD001";
    public const string HardcodedCredentialInConfiguration = "PRD002";
    public const string MissingHealthProbes = "PRD003";
}
