using Microsoft.CodeAnalysis;

namespace ProductionReady.Analyzers;

/// <summary>Every diagnostic descriptor: ID, title, message, category, default severity and help link.</summary>
internal static class Descriptors
{
    /// <summary>Where every rule is documented; each rule has an anchor named after its lower-case ID.</summary>
    public const string RulesDocument = "https://github.com/productionready/productionready/blob/main/analyzers/RULES.md";

    private const string Security = "Security";
    private const string Reliability = "Reliability";

    private const string ReadFromConfiguration =
        "read it from configuration instead: dotnet user-secrets in development, environment variables or a vault (Azure Key Vault, AWS Secrets Manager, HashiCorp Vault) in production";

    public static readonly DiagnosticDescriptor HardcodedCredential = Create(
        DiagnosticIds.HardcodedCredential,
        "Hardcoded credential in code",
        "Hardcoded {0}{1}: " + ReadFromConfiguration,
        Security,
        DiagnosticSeverity.Warning,
        "A credential written into source code is visible to everyone who can read the repository, its history, the build output and the binary, and cannot be rotated without a release.");

    public static readonly DiagnosticDescriptor HardcodedCredentialInConfiguration = Create(
        DiagnosticIds.HardcodedCredentialInConfiguration,
        "Hardcoded credential in a configuration file",
        "Hardcoded {0} at '{1}' in {2}: keep the key with an empty value and supply it from dotnet user-secrets in development, environment variables or a vault in production",
        Security,
        DiagnosticSeverity.Warning,
        "Configuration files are committed and shipped with the application; a credential in them leaks with every copy.");

    public static readonly DiagnosticDescriptor MissingHealthProbes = Create(
        DiagnosticIds.MissingHealthProbes,
        "Service without health probes",
        "'{0}' starts {1} that answers no health probe: {2} so an orchestrator can tell when it is ready and alive",
        Reliability,
        DiagnosticSeverity.Warning,
        "Without liveness and readiness probes an orchestrator routes traffic to instances that are still starting or are stuck, and never restarts a hung process.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor HealthProbesOnlyInDevelopment = Create(
        DiagnosticIds.HealthProbesOnlyInDevelopment,
        "Health probes mapped only in Development",
        "'{0}' is only called in the Development environment, so production has no health probe: map probes unconditionally",
        Reliability,
        DiagnosticSeverity.Warning,
        "Health probes are for the orchestrator in production; mapping them only in Development leaves production without them.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor LivenessDependsOnExternalDependency = Create(
        DiagnosticIds.LivenessDependsOnExternalDependency,
        "Liveness check depends on an external dependency",
        "The {0} check is tagged 'live': a failure of the dependency would restart every instance; tag it 'ready' so instances are taken out of rotation instead",
        Reliability,
        DiagnosticSeverity.Warning,
        "Liveness answers 'is this process stuck?'. A database, cache or HTTP dependency that blips fails every instance's liveness at once and the orchestrator restarts all of them, turning a short outage into a long one.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor HealthCheckCreatesClientPerRun = Create(
        DiagnosticIds.HealthCheckCreatesClientPerRun,
        "Health check creates a client per run",
        "The health check creates a new {0} on every run: inject a shared, pooled client ({1}) instead",
        Reliability,
        DiagnosticSeverity.Warning,
        "Probes run every few seconds on every instance; a client or connection created per run exhausts sockets and connection pools under probing.");

    public static readonly DiagnosticDescriptor SecretOptionsNotValidatedOnStart = Create(
        DiagnosticIds.SecretOptionsNotValidatedOnStart,
        "Options with [Secret] properties are not validated at startup",
        "'{0}' has [Secret] properties but is registered without ValidateOnStart(): a missing or weak secret is only found on first use; chain .ValidateOnStart()",
        Reliability,
        DiagnosticSeverity.Warning,
        "Options are validated lazily on first use unless ValidateOnStart() is called; a missing secret then fails a request in production instead of failing the deployment.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor CredentialInDevelopmentConfiguration = Create(
        DiagnosticIds.CredentialInDevelopmentConfiguration,
        "Credential in a development-only configuration file",
        "Hardcoded {0} at '{1}' in development-only file {2}: prefer dotnet user-secrets, and never reuse this value outside development",
        Security,
        DiagnosticSeverity.Info,
        "Development files often hold the password of a local database container; that is acceptable, but user secrets keep even those out of the repository.");

    public static readonly DiagnosticDescriptor CredentialInTestCode = Create(
        DiagnosticIds.CredentialInTestCode,
        "Credential-like literal in test code",
        "Credential-like {0}{1} in a test project: fine for a fake; if it is real, " + ReadFromConfiguration,
        Security,
        DiagnosticSeverity.Hidden,
        "Tests need fake credentials; they are reported at hidden severity so test projects are not flooded. Raise the severity in .editorconfig to audit them.");

    public static readonly DiagnosticDescriptor CredentialLogged = Create(
        DiagnosticIds.CredentialLogged,
        "Credential written to a log",
        "'{0}' looks like {1} and is written to the log: log whether it is set, never its value",
        Security,
        DiagnosticSeverity.Warning,
        "Logs are shipped, indexed and kept for months by people and systems that must never see credentials.");

    public static readonly DiagnosticDescriptor PermissiveCors = Create(
        DiagnosticIds.PermissiveCors,
        "CORS allows any origin",
        "'{0}' lets every origin call this service outside Development: list the origins that may call it (WithOrigins(\"https://app.example.com\")), or configure ProductionReady:Cors:AllowedOrigins",
        Security,
        DiagnosticSeverity.Warning,
        "A policy that allows any origin lets every web page a user visits call the service from the user's browser; with credentials it hands the user's session to any site.");

    public static readonly DiagnosticDescriptor UnlimitedAuthenticationEndpoint = Create(
        DiagnosticIds.UnlimitedAuthenticationEndpoint,
        "Authentication endpoint without a rate limit",
        "'{0}' is an authentication endpoint without a rate limit: add .RequireRateLimiting(\"auth\") (or [EnableRateLimiting(\"auth\")]) so password guessing and token abuse are slowed down",
        Security,
        DiagnosticSeverity.Warning,
        "Login, token and password-reset endpoints are where credentials are guessed and reset mails are sprayed. Without a rate limit every client may try as fast as the server answers.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor IdentityEndpointsLimitSwitchedOff = Create(
        DiagnosticIds.UnlimitedAuthenticationEndpoint,
        "Authentication endpoint without a rate limit",
        "'{0}' has no rate limit: {1} switches off the auth preset ProductionReady puts on Identity's POSTs; remove that setting, or limit them yourself (.RequireRateLimiting(\"auth\"), a global limiter)",
        Security,
        DiagnosticSeverity.Warning,
        "Login, token and password-reset endpoints are where credentials are guessed and reset mails are sprayed. ProductionReady limits ASP.NET Core Identity's POSTs by default; with that default switched off and no other limit, every client may try as fast as the server answers.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor TrustsEveryProxy = Create(
        DiagnosticIds.TrustsEveryProxy,
        "Forwarded headers trusted from every proxy",
        "'{0}' clears the trusted proxies and networks and adds none outside Development: X-Forwarded-For is then accepted from anyone, so any caller can choose its client address; add the proxies (KnownProxies.Add) or networks it comes through",
        Security,
        DiagnosticSeverity.Warning,
        "Forwarded headers are only trustworthy from known proxies. With both lists empty every caller can set X-Forwarded-For and X-Forwarded-Proto, spoofing the address that logs, rate limits and IP allow-lists see.");

    public static readonly DiagnosticDescriptor EndpointsBeforeRateLimiter = Create(
        DiagnosticIds.EndpointsBeforeRateLimiter,
        "Endpoints run before the rate limiter",
        "'UseEndpoints' runs the endpoints before the rate limiter, because UseRouting() comes after {0}(): RequireRateLimiting and [EnableRateLimiting] are ignored; map the endpoints at the top level (app.MapControllers(), app.MapRazorPages()) instead of inside UseEndpoints, or call UseRouting() before {0}()",
        Security,
        DiagnosticSeverity.Warning,
        "The rate limiter picks its policy from the endpoint routing has chosen. When the app routes after UseProductionReady(), ProductionReady places the limiter behind the app's last middleware; an explicit UseEndpoints() there runs the endpoint first, so every endpoint's limit (the auth preset on a login) is silently off.");

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description, params string[] customTags)
        => new DiagnosticDescriptor(
            id,
            title,
            message,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: RulesDocument + "#" + id.ToLowerInvariant(),
            customTags: customTags);
}
