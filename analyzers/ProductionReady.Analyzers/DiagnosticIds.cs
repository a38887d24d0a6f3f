namespace ProductionReady.Analyzers;

/// <summary>The IDs of every ProductionReady diagnostic, in one place (documented in analyzers/RULES.md).</summary>
internal static class DiagnosticIds
{
    public const string HardcodedCredential = "PRD001";
    public const string HardcodedCredentialInConfiguration = "PRD002";
    public const string MissingHealthProbes = "PRD003";
    public const string HealthProbesOnlyInDevelopment = "PRD004";
    public const string LivenessDependsOnExternalDependency = "PRD005";
    public const string HealthCheckCreatesClientPerRun = "PRD006";
    public const string SecretOptionsNotValidatedOnStart = "PRD007";
    public const string CredentialInDevelopmentConfiguration = "PRD008";
    public const string CredentialInTestCode = "PRD009";
    public const string CredentialLogged = "PRD010";
    public const string PermissiveCors = "PRD011";
    public const string UnlimitedAuthenticationEndpoint = "PRD012";
    public const string TrustsEveryProxy = "PRD013";
    public const string EndpointsBeforeRateLimiter = "PRD014";
}
