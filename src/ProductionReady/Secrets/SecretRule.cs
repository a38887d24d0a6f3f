namespace ProductionReady;

/// <summary>
/// The rules secret validation applies. Each problem in the report names one; each can be switched
/// off for one configuration key with a stated reason (<see cref="ProductionReadySecretsOptions.Suppress"/>).
/// </summary>
public enum SecretRule
{
    /// <summary>A required secret has no value.</summary>
    Missing = 1,

    /// <summary>A known weak or default value or a trivial variant of one (changeme, admin123, Password1!).</summary>
    KnownWeakValue,

    /// <summary>A placeholder nobody replaced (&lt;password&gt;, ${DB_PASS}, {{key}}, __X__, TODO, REPLACE_ME).</summary>
    Placeholder,

    /// <summary>Too little variety: one repeated character, a short alphabet, a keyboard walk, a sequence.</summary>
    LowEntropy,

    /// <summary>A connection-string password equal to the user name next to it.</summary>
    EqualsUserName,

    /// <summary>Shorter than the kind's minimum length, or too few bits of key material.</summary>
    TooShort,

    /// <summary>Production only: a test-mode key (<c>sk_test_…</c>, <c>pk_test_…</c>).</summary>
    TestModeKey,

    /// <summary>Production only: an authority, issuer, metadata address or callback URL over plain <c>http://</c>.</summary>
    InsecureUrl,

    /// <summary>Production only: detailed errors, sensitive-data logging or a debug switch turned on.</summary>
    DebugSwitch,
}
