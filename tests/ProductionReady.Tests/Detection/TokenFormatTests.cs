using ProductionReady.Detection;
using ProductionReady.TestSupport;

namespace ProductionReady.Tests.Detection;

/// <summary>
/// Every live token format of issue 13: found in its public shape, at the exact place of the secret inside the
/// surrounding text, and not in lookalikes. Values are random, built from pieces at run time (never one literal).
/// </summary>
public sealed class TokenFormatTests
{
    private static string Hex(int n) => string.Concat(Enumerable.Range(0, n).Select(i => "3a9f0c7e1b5d8264"[(i * 7 + i / 3) % 16]));

    private static string Mixed(int n) => string.Concat(Enumerable.Range(0, n).Select(i => "q7ZxK2mPv9LbR4tWn8HcJ3sYd6FgA1eU"[(i * 5 + i / 4) % 32]));

    private static string Lower(int n) => string.Concat(Enumerable.Range(0, n).Select(i => "k7q2zx9m4v8b3n6p5w1r0t"[(i * 3 + i / 5) % 22]));

    private static string Base64(int n) => string.Concat(Enumerable.Range(0, n).Select(i => "Zq8+Lm3/Xv7Kp2Rt9Wb4Nc6Hd1Jf5Gs0"[(i * 7 + i / 6) % 32]));

    /// <summary>(text around the secret, the secret, expected kind): the secret is found at its exact offset.</summary>
    public static TheoryData<string, string, string> Formats => new()
    {
        { "AzureAd:ClientSecret = {0}", Mixed(3) + "8Q" + "~" + Mixed(34), "Microsoft Entra ID client secret" },
        { "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={0};EndpointSuffix=core.windows.net", Base64(86) + "==", "Azure storage account key" },
        { "AccountEndpoint=https://acct.documents.azure.com:443/;AccountKey={0};", Base64(86) + "==", "Azure storage account key" },
        { "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey={0}", Base64(43) + "=", "Azure shared access key" },
        { "https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&se=2030-01-01&sig={0}", Base64(40).Replace("/", "%2F", StringComparison.Ordinal) + "%3D", "Azure SAS signature" },
        { "Endpoint=https://cfg.azconfig.io;Id=Ab1c-l0-s0:Xyz1;Secret={0}", Base64(43) + "=", "Azure App Configuration secret" },
        { "pat: {0}", Mixed(76) + "AZ" + "DO" + Mixed(4), "Azure DevOps personal access token" },
        { "acr password {0}", Base64(42).Replace("+", "x", StringComparison.Ordinal) + "+AC" + "R" + Mixed(6), "Azure Container Registry password" },
        { "aws_secret_access_key = {0}", Base64(40), "AWS secret access key" },
        { "key {0}", "AK" + "IA" + "Q3ZT7WLM2XJ8PB4N", "AWS access key" },
        { "{0}", TokenFormatSamples.WithBase62Checksum("gh" + "o_", Mixed(30)), "GitHub token" },
        { "{0}", TokenFormatSamples.WithBase62Checksum("gh" + "u_", Mixed(30)), "GitHub token" },
        { "{0}", TokenFormatSamples.WithBase62Checksum("gh" + "s_", Mixed(30)), "GitHub token" },
        { "{0}", TokenFormatSamples.WithBase62Checksum("gh" + "r_", Mixed(30)), "GitHub token" },
        { "{0}", "github" + "_pat_" + Mixed(22) + "_" + Mixed(59), "GitHub token" },
        { "PRIVATE-TOKEN: {0}", "gl" + "pat-" + Mixed(20), "GitLab token" },
        { "nuget push -k {0}", "oy" + "2" + Lower(43), "NuGet API key" },
        { "{0}", TokenFormatSamples.WithBase62Checksum("np" + "m_", Mixed(30)), "npm token" },
        { "//registry.example.com/:_authToken={0}", Mixed(8) + "-" + Mixed(4) + "-" + Mixed(12), "npm token" },
        { "{0}", "pypi-" + "AgEIcHlwaS5vcmc" + Mixed(60), "PyPI token" },
        { "{0}", "S" + "G." + Mixed(22) + "." + Mixed(43), "SendGrid API key" },
        { "{0}", "S" + "K" + Hex(32), "Twilio API key" },
        { "{0}", "xo" + "xb-" + "2048617391-7730199524-" + Mixed(24), "Slack token" },
        { "https://{0}", "hooks." + "slack.com/services/T0" + "XDL4RMGV/B0T42KV0F0/" + Mixed(24), "Slack webhook" },
        { "https://contoso.webhook{0}", ".office.com/webhookb2/" + Guid(1) + "@" + Guid(2) + "/IncomingWebhook/" + Hex(32) + "/" + Guid(3), "Microsoft Teams webhook" },
        { "api:{0}", "ke" + "y-" + Hex(32), "Mailgun API key" },
        { "{0}", "rk" + "_live_" + Mixed(24), "Stripe live key" },
        { "{0}", "GOC" + "SPX-" + Mixed(28), "Google OAuth client secret" },
        { "{0}", "sk-" + "proj-" + Mixed(40) + "T3Blbk" + "FJ" + Mixed(40), "OpenAI API key" },
        { "{0}", "sk-" + "ant-api03-" + Mixed(93) + "AA", "Anthropic API key" },
        { "{0}", "h" + "f_" + Mixed(34).Replace("1", "a", StringComparison.Ordinal).Replace("2", "b", StringComparison.Ordinal).Replace("3", "c", StringComparison.Ordinal).Replace("4", "d", StringComparison.Ordinal).Replace("6", "e", StringComparison.Ordinal).Replace("7", "f", StringComparison.Ordinal).Replace("8", "g", StringComparison.Ordinal).Replace("9", "h", StringComparison.Ordinal), "Hugging Face token" },
        { "{0}", "sntry" + "u_" + Hex(64), "Sentry token" },
        { "{0}", "NR" + "AK-" + Mixed(27).ToUpperInvariant(), "New Relic API key" },
        { "{0}", Hex(36) + "NR" + "AL", "New Relic license key" },
        { "{0}", "gl" + "sa_" + Mixed(32) + "_" + Hex(8), "Grafana token" },
        { "{0}", "hv" + "s." + Mixed(90), "HashiCorp Vault token" },
        { "DD_API_KEY={0}", Hex(32), "Datadog API key" },
        { """{"kty":"RSA","n":"AQAB0x","e":"AQAB","d":"{0}"}""", Mixed(43), "private key (JSON Web Key)" },
        { "{0}\n-----END OPENSSH PRIVATE KEY-----", "-----BEGIN " + "OPENSSH PRIVATE KEY-----\n" + Base64(64), "private key" },
    };

    private static string Guid(int seed) => new System.Guid(Enumerable.Range(0, 16).Select(i => (byte)(i * 37 + seed * 11)).ToArray()).ToString();

    [Theory]
    [MemberData(nameof(Formats))]
    public void Each_format_is_found_exactly_where_the_secret_is(string around, string secret, string kind)
    {
        var text = around.Replace("{0}", secret, StringComparison.Ordinal);
        var found = TokenFormats.FindLiveCredential(text);
        Assert.NotNull(found);
        Assert.Equal(kind, found.Value.Kind);
        Assert.Equal(text.IndexOf(secret, StringComparison.Ordinal), found.Value.Start);
        Assert.Equal(secret.Length, found.Value.Length);
    }

    public static TheoryData<string> Lookalikes => new()
    {
        "hf_internal/sentence-embeddings-model-name",
        "h" + "f_" + "abcdefghijklmnopqrstuvwxyzabcdefgh",
        "SKU" + Hex(32),
        "key-value-store-for-the-session-cache",
        "https://acct.blob.core.windows.net/c?sig=short",
        "DD_API_KEY=${DD_API_KEY}",
        """{"kty":"RSA","kid":"k1","n":"AQAB0xAQAB0xAQAB0xAQAB0x","e":"AQAB"}""",
        "-----BEGIN PUBLIC KEY-----",
        "-----BEGIN FAKE RSA PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----",
        "SG.Admin.Users",
        "AccountEndpoint=https://localhost:8081/;AccountKey=" + "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nD" + "uVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6" + "IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
        "pk_live_51Hq8rT3kWz9mXv2Lp7DaB",
        "https://4f1e3c9a2b7d4e8f9a0b1c2d3e4f5a6b@o450000.ingest.sentry.io/5500000",
    };

    [Theory]
    [MemberData(nameof(Lookalikes))]
    public void Lookalikes_and_published_emulator_keys_are_not_live_tokens(string text)
        => Assert.Null(TokenFormats.FindLiveCredential(text));

    [Fact]
    public void Emulator_keys_are_recognised_as_published()
    {
        Assert.True(TokenFormats.IsPublishedEmulatorKey("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6" + "IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="));
        Assert.False(TokenFormats.IsPublishedEmulatorKey(Base64(86) + "=="));
    }

    [Theory]
    [InlineData("PasswordRejected")]
    [InlineData("TokenExpiredCode")]
    [InlineData("PasswordAlphabet")]
    [InlineData("SecretChars")]
    [InlineData("InvalidPasswordStatus")]
    [InlineData("TokenIdentifier")]
    [InlineData("SecretsManagerStandalone")]
    public void Codes_states_and_alphabets_are_not_secret_names(string name) => Assert.False(SecretNames.IsSecretName(name), name);
}
