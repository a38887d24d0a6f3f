namespace ProductionReady.Secrets;

/// <summary>
/// One problem in the report: where (the configuration key), which rule, what is wrong and what to
/// do. Carries the value's length and a non-reversible fingerprint, never the value.
/// </summary>
internal sealed record SecretProblem(
    string Key,
    SecretRule Rule,
    string Message,
    string Hint,
    int? Length = null,
    string? Fingerprint = null);

/// <summary>A problem that was found and then switched off by a suppression with a reason.</summary>
internal sealed record SuppressedSecretProblem(string Key, SecretRule Rule, string Reason);
