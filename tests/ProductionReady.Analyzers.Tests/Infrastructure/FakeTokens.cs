namespace ProductionReady.Analyzers.Tests.Infrastructure;

/// <summary>
/// Fake values in the public shapes of the token formats of issue 13, assembled at run time from pieces so that no
/// live-looking credential is ever committed as one literal. Random, not anyone's credential.
/// </summary>
public static class FakeTokens
{
    public static string EntraClientSecret => "liH8" + "Q~" + "T7pX2Zm5dzXTBexmuYaH53~tA7q4cVI5DQ";

    public static string StorageAccountKey => "ALaOMLKDv9WXUE7m+JZymp2akNLtO4Spp5N2cBLEpQQnqDWf" + "+eac05Icu9Kc+m+IBnBgW5S4gVK/ZRCJheDNbw==";

    /// <summary>A SAS signature as it appears in a URL (URL-encoded base64 of 32 bytes).</summary>
    public static string SasSignature => "dmfQgTYyPFLBHKgbqHnS1ecL4ag" + "%2F3d9dOsvK3ExUDgs%3D";

    public static string SharedAccessKey => "/Yh4ViEEzzAszvX9Ve8d" + "4sH57Bzlk79zy0ABMV+UX2E=";

    public static string AppConfigurationSecret => "YzBmNWQ4ZTQtYjM2Mi00" + "MWY2LTg0ZDMtNmRmZTc2YjA=";

    public static string DevOpsPat => "WUFhxOGCEFOHWxJ3ugPjq4vrRrS5FBp4GNw2RiklBC1fv4u3qckyZyJ3WMfIUvUjTeZrPWiAImDp" + "AZ" + "DOxz3U";

    public static string ContainerRegistryPassword => "j5ud7ogmUsKNSSH9lGBJPRS6JfR7ZAixhFDBI18N/K" + "+AC" + "RBImZ79";

    public static string AwsSecretAccessKey => "9nDV72C6u8KTRjh+Nhdo" + "WbiB49h/jAZzL8clYnMK";

    public static string GitHubFineGrainedPat => "github" + "_pat_" + "P6yDArcflrPFjtIaOwas3j_TvLVYEkQz2EsvsKpvNK7ZvvvW6vJPzfI1Qurj9LEewJszLuGoWK0AP8Y95j";

    public static string GitHubOAuthToken => ProductionReady.TestSupport.TokenFormatSamples.WithBase62Checksum("gh" + "o_", "Xr4Kq2ZxW7mNvB4tYc9LpD3sFh6JgA");

    public static string GitLabPat => "gl" + "pat-" + "84RaaiQx2EYSdd9wR2VZ";

    public static string NuGetApiKey => "oy" + "2" + "nombh5cs15coehsjsmqjnt6gvw8dtr7izb5jhjhzs2j";

    public static string NpmToken => ProductionReady.TestSupport.TokenFormatSamples.WithBase62Checksum("np" + "m_", "hXMyHNX7xVl7Qk1bBHkKwZhwDKgYax");

    public static string PyPiToken => "pypi-" + "AgEIcHlwaS5vcmc" + "rECRiW9gDSoDw-ai5XxlJz5PhBIWSgCZ1s9zkofxcUyupdhY024-sDjK0ASJnZGEPmbQMm";

    public static string SendGridKey => "S" + "G." + "BbPCCcr6-SPJUKbxR0oNPg.h54JxPo9wI1-qXon1MJ6i7wP1yQibXBX9XBfv-9fVWM";

    public static string TwilioApiKey => "S" + "K" + "4acf31f8f948b5123b98806049dfef2c";

    public static string SlackWebhook => "https://hooks." + "slack.com/services/" + "T0XDL4RMGV/B0T42KV0F0/9yNiNvjCrtoBMItMjtKkjBlh";

    public static string TeamsWebhook => "https://contoso.webhook." + "office.com/webhookb2/"
        + "5d9b2a3c-41f7-4c1e-9a43-0f6b8e2d7c11@72f988bf-86f1-41af-91ab-2d7cd011db47/IncomingWebhook/"
        + "a9f2c1707c968adc25f9de2c75113420/0b9f3c1e-7d2a-4a8e-b5c6-3e1f9d8a2b74";

    public static string MailgunKey => "ke" + "y-" + "e1597d5977791a63beb6e55ad4861947";

    public static string StripeRestrictedKey => "rk" + "_live_" + "6Ypu2uZCXtFKkXY0nnBtcfpZ";

    public static string GoogleOAuthClientSecret => "GOC" + "SPX-" + "A-VbwCBEMjMfky2zeyg3Gntu6Wei";

    public static string OpenAiKey => "sk-" + "proj-" + "vTD_r_zXeL09hm3LvS6paTFYEp9gGyBpANEedMs8" + "T3Blbk" + "FJA4ZYytWwmG2dFLh8-VLzLUJ9yOiSsBwOCiaw6Cvs";

    public static string AnthropicKey => "sk-" + "ant-api03-" + "ZKaPUu25gJJbp926OmrhXd2ZGmoEXuUJlB418FS2veDZ4EzA-CzYGngWMi6S0puYj1IXHZjGjw7ZIWVlKBiRZnWEGl7cPAA";

    public static string HuggingFaceToken => "h" + "f_" + "cUHogJHjnCwvEeaLtXrULYUPFMwWAIrLpL";

    public static string SentryUserToken => "sntry" + "u_" + "1b81330f3a474167c0f343d8711df00a845c34c97775f7d61003affd75d03fed";

    public static string NewRelicUserKey => "NR" + "AK-" + "ZHRVQP7XN0SLEAQI50VZMVLEJAC";

    public static string GrafanaServiceAccountToken => "gl" + "sa_" + "KK42XrxdOvuehBwIh7gEPZY8R8OMmOSm_74b64675";

    public static string VaultToken => "hv" + "s." + "VYD31lq966vXwBREzOlqMXsdZRmyCWaZ7882SbYHdBN1voALaV4t-PHfVKoSVhnCGVwLRpHZVIoHLoU_xhRewNuegT";

    public static string DatadogApiKey => "b0d2fea516b5af67" + "33569f7a4d1e76db";

    public static string JwkPrivateExponent => "bViUlq745HHsLOcI1ebJMCEETryY" + "LTb5FrPYPMUY-8Z0FXc-zifC7frIYFS0xADX";

    public static string JwkModulus => "NJrnalzVkWzkstjCGqOonxeYGL97TM" + "HCPtHUrKir4GhbIN4l5RXAdipOpcrgCsnM";

    public static string AesKeyHex => "e374de5d3566e853e094f732d9812750" + "8e99c6e8b5fed87cc3a4377a30e4bdb8";

    /// <summary>Base64 of "svc-orders:" + a password.</summary>
    public static string BasicAuthValue => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("svc-orders:" + "Qm7!vR2z" + "Kp9w"));

    /// <summary>The Azure Cosmos DB emulator's publicly documented key: not a secret by design.</summary>
    public static string CosmosEmulatorKey => "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nD" + "uVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    /// <summary>Azurite's publicly documented devstoreaccount1 key: not a secret by design.</summary>
    public static string AzuriteKey => "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6" + "IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
}
