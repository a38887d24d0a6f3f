namespace ProductionReady.Analyzers.Tests.Infrastructure;

/// <summary>
/// Credential-shaped test data, assembled at run time from pieces so that no live-looking credential is
/// ever committed as one literal (secret scanners would rightly flag it).
/// </summary>
public static class FakeCredentials
{
    public static string AwsAccessKey => "AK" + "IA" + "Q3ZT7WLM2XJ8PB4N";

    public static string GitHubToken => ProductionReady.TestSupport.TokenFormatSamples.WithBase62Checksum("gh" + "p_", "r8Kq2ZxW7mNvB4tYc9LpD3sFh6JgA1");

    public static string SlackToken => "xo" + "xb-" + "2048617391-7730199524-Qm3vX8rT1kWz";

    public static string StripeLiveKey => "sk" + "_live_" + "51Hq8rT3kWz9mXv2Lp7D";

    public static string GoogleApiKey => "AI" + "za" + "SyD7q2Xk9mVb4Lr8Tz1Wp6Nc3Hf5Jg0Ys_Qe";

    public static string PrivateKeyPem => "-----BEGIN " + "RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA7x2\\n-----END RSA PRIVATE KEY-----";

    public static string Jwt => "ey" + "JhbGciOiJIUzI1NiJ9" + ".ey" + "JzdWIiOiIxMjM0NTY3ODkwIn0" + "." + "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

    /// <summary>A real-looking password (not a known weak value, not a placeholder).</summary>
    public static string Password => "Tr0ub4" + "dor&3x";

    public static string OtherPassword => "vK8#" + "qz2Lp9w";

    public static string SigningKey => "Zm9vYmFy" + "c2VjcmV0a2V5MTIzNDU2Nzg5MGFiY2RlZg";
}
