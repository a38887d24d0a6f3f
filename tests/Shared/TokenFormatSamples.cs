using System.Text;

namespace ProductionReady.TestSupport;

/// <summary>
/// One sample per token format of <c>TokenFormats</c>: a value in the format's public shape inside the text it usually
/// sits in, and a look-alike that must not be taken for it (a wrong length, character set or checksum). Every value is
/// generated at run time from a fixed seed (never committed as one literal) and is nobody's credential.
/// </summary>
/// <param name="Kind">The kind the format reports.</param>
/// <param name="Prefix">The format's prefix or keyword: with the kind, which format it is.</param>
/// <param name="Around">The text around the value; <c>{0}</c> stands for it.</param>
/// <param name="Secret">The value in the format's shape: found at exactly its place.</param>
/// <param name="Lookalike">A value of nearly the same shape that is not the format.</param>
/// <param name="KeywordMakesCredential">
/// The text around names the value a credential (<c>AccountKey=</c>, <c>password=</c>, <c>token=</c> in a query), so
/// PRD001 rightly reports any value there, look-alike or not: the look-alike is a negative for the format only.
/// </param>
public sealed record TokenFormatSample(string Kind, string Prefix, string Around, string Secret, string Lookalike, bool KeywordMakesCredential = false)
{
    /// <summary>The text that holds the secret.</summary>
    public string Text => Around.Replace("{0}", Secret, StringComparison.Ordinal);

    /// <summary>The same text with the look-alike in the secret's place.</summary>
    public string LookalikeText => Around.Replace("{0}", Lookalike, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{Kind} ({Prefix})";
}

/// <summary>The samples, and the generators they are built with.</summary>
public static class TokenFormatSamples
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string HexDigits = "0123456789abcdef";
    private const string UpperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string LowerDigits = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Base64Chars = Alnum + "+/";
    private const string UrlChars = Alnum + "_-";
    private const string Bech32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

    private static readonly Random Random = new(20261207);

    /// <summary>Random letters (both cases) and digits, with at least one of each.</summary>
    public static string A(int n) => Mixed(Alnum, n);

    /// <summary>Lower-case hexadecimal, with a digit and a letter.</summary>
    public static string H(int n) => Mixed(HexDigits, n);

    /// <summary>Upper-case letters and digits.</summary>
    public static string U(int n) => Mixed(UpperDigits, n);

    /// <summary>Lower-case letters and digits.</summary>
    public static string L(int n) => Mixed(LowerDigits, n);

    /// <summary>Base64 characters (with + and /).</summary>
    public static string B(int n) => Mixed(Base64Chars, n);

    /// <summary>Base64url characters (with _ and -).</summary>
    public static string W(int n) => Mixed(UrlChars, n);

    /// <summary>Letters only, both cases.</summary>
    public static string Letters(int n) => Mixed("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", n);

    /// <summary>A random lower-case UUID.</summary>
    public static string Uuid() => $"{H(8)}-{H(4)}-{H(4)}-{H(4)}-{H(12)}";

    /// <summary>
    /// A GitHub- or npm-style token: prefix, 30 random characters, and the CRC32 of those 30 in base62 (0-9A-Za-z),
    /// zero-padded to six characters, as GitHub documents for its token format. Computed here, independently of the
    /// product's check.
    /// </summary>
    public static string WithBase62Checksum(string prefix, string body)
    {
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var crc = Crc32(Encoding.ASCII.GetBytes(body));
        var checksum = new char[6];
        for (var i = 5; i >= 0; i--, crc /= 62)
        {
            checksum[i] = digits[(int)(crc % 62)];
        }

        return prefix + body + new string(checksum);
    }

    /// <summary>The same token with its checksum broken (the last character changed).</summary>
    public static string WithWrongChecksum(string token) => token[..^1] + (token[^1] == 'x' ? 'y' : 'x');

    /// <summary>Every live format's sample, in the order of the formats.</summary>
    public static IReadOnlyList<TokenFormatSample> Live { get; } = BuildLive();

    /// <summary>Every test-mode format's sample.</summary>
    public static IReadOnlyList<TokenFormatSample> TestMode { get; } = BuildTestMode();

    private static string Mixed(string alphabet, int n)
    {
        var chars = new char[n];
        for (var i = 0; i < n; i++)
        {
            chars[i] = alphabet[Random.Next(alphabet.Length)];
        }

        // At least one digit, and a letter of each case the alphabet has, as random bodies of these lengths have; and a
        // letter or digit last (a format that ends at a word boundary).
        if (n >= 4)
        {
            var place = Random.Next(n - 3);
            if (alphabet.Contains('0', StringComparison.Ordinal))
            {
                chars[place] = (char)('0' + Random.Next(10));
            }

            if (alphabet.Contains('A', StringComparison.Ordinal))
            {
                chars[place + 1] = (char)('A' + Random.Next(26));
            }

            if (alphabet.Contains('a', StringComparison.Ordinal))
            {
                chars[place + 2] = (char)('a' + Random.Next(alphabet == HexDigits ? 6 : 26));
            }
        }

        if (n > 0 && !char.IsLetterOrDigit(chars[n - 1]))
        {
            chars[n - 1] = alphabet.Contains('a', StringComparison.Ordinal) ? 'q' : '7';
        }

        return new string(chars);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static string Base64Of(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));

    private static string PemBody() => B(64);

    private static List<TokenFormatSample> BuildLive()
    {
        var samples = new List<TokenFormatSample>();
        void S(string kind, string prefix, string around, string secret, string lookalike) => samples.Add(new TokenFormatSample(kind, prefix, around, secret, lookalike));
        void K(string kind, string prefix, string around, string secret, string lookalike) => samples.Add(new TokenFormatSample(kind, prefix, around, secret, lookalike, KeywordMakesCredential: true));
        void Plain(string kind, string prefix, string secret, string lookalike) => S(kind, prefix, "value: {0}", secret, lookalike);

        // AWS, Alibaba, Tencent, Scaleway
        Plain("AWS access key", "AKIA", "AK" + "IA" + U(16), "AK" + "IA" + U(15));
        Plain("AWS access key", "ASIA", "AS" + "IA" + U(16), "AS" + "IA" + U(15));
        Plain("AWS STS service bearer token", "ABIA", "AB" + "IA" + U(16), "AB" + "IA" + U(17));
        Plain("AWS context-specific credential", "ACCA", "AC" + "CA" + U(16), "AC" + "CA" + U(14));
        S("AWS secret access key", "secret_access_key", "aws_secret_access_key = {0}", B(40), B(39));
        S("AWS session token", "session_token", "AWS_SESSION_TOKEN={0}", B(140) + "==", B(60));
        Plain("Alibaba Cloud AccessKey ID", "LTAI", "LT" + "AI" + A(20), "LT" + "AI" + Letters(20).ToUpperInvariant());
        Plain("Tencent Cloud SecretId", "AKID", "AK" + "ID" + A(32), "AK" + "ID" + A(31));
        Plain("Scaleway access key", "SCW", "SC" + "W" + U(17), "SC" + "W" + "QUEUENAMESTOPICSX");

        // Azure
        Plain("Microsoft Entra ID client secret", "Q~", A(3) + "8Q" + "~" + A(34), A(3) + "8Q" + "~" + A(20));
        K("Azure storage account key", "AccountKey=", "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={0};EndpointSuffix=core.windows.net", B(86) + "==", B(80) + "==");
        K("Azure shared access key", "SharedAccessKey=", "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey={0}", B(43) + "=", B(30) + "=");
        S("Azure Logic Apps or Power Automate trigger URL", ".logic.azure.com", "https://prod-01.westeurope.logic.azure.com:443/workflows/" + H(32) + "/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={0}", W(43), W(12));
        S("Azure SAS signature", "sig=", "https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&se=2030-01-01&sig={0}", B(40).Replace("/", "%2F", StringComparison.Ordinal) + "%3D", B(12));
        S("Azure App Configuration secret", ".azconfig.io", "Endpoint=https://cfg.azconfig.io;Id=Ab1c-l0-s0:Xyz1;Secret={0}", B(43) + "=", B(20));
        Plain("Azure DevOps personal access token", "AZDO", A(76) + "AZ" + "DO" + A(4), A(70) + "AZ" + "DO" + A(4));
        Plain("Azure Container Registry password", "+ACR", A(42) + "+AC" + "R" + A(6), A(42) + "+AC" + "R" + A(3));
        S("Azure Functions key", ".azurewebsites.net/api/", "https://orders.azurewebsites.net/api/Resize?code={0}", W(54) + "==", W(20));
        S("Azure API Management subscription key", "Ocp-Apim-Subscription-Key", "\"Ocp-Apim-Subscription-Key\": \"{0}\"", H(32), H(31));
        S("Azure SignalR access key", ".service.signalr.net", "Endpoint=https://chat.service.signalr.net;AccessKey={0};Version=1.0;", B(43) + "=", B(40) + "=");
        S("Azure Web PubSub access key", ".webpubsub.azure.com", "Endpoint=https://hub.webpubsub.azure.com;AccessKey={0};Version=1.0;", B(43) + "=", B(41) + "=");
        S("Azure Communication Services access key", ".communication.azure.com", "endpoint=https://mail.communication.azure.com/;accesskey={0}", B(86) + "==", B(30));
        K("Azure Cache for Redis access key", ".redis.cache.windows.net", "cache.redis.cache.windows.net:6380,password={0},ssl=True,abortConnect=False", B(43) + "=", B(42) + "=");
        S("Azure Event Grid access key", "aeg-sas-key", "aeg-sas-key: {0}", B(43) + "=", B(42) + "=");

        // Google
        // The key of a Chat webhook is a Google API key, which the webhook format comes before; here it is shortened so
        // that the look-alike text holds no credential at all.
        K("Google Chat webhook", "chat.googleapis.com/v1/spaces/", "https://chat.googleapis.com/v1/spaces/AAAA" + W(7) + "/messages?key=AIza" + W(20) + "&token={0}", W(43) + "%3D", W(10));
        Plain("Google API key", "AIza", "AI" + "za" + W(35), "AI" + "za" + W(30));
        Plain("Google OAuth client secret", "GOCSPX-", "GOC" + "SPX-" + W(28), "GOC" + "SPX-" + W(20));
        Plain("Google OAuth access token", "ya29.", "ya" + "29." + W(120), "ya" + "29." + W(20));
        Plain("Google OAuth refresh token", "1//0", "1/" + "/0" + W(96), "1/" + "/0" + W(30));
        S("Google Cloud service account key", "service_account", "{\"type\": \"service_account\", \"project_id\": \"shop\", \"private_key_id\": \"" + H(40) + "\", \"private_key\": \"{0}\"}", "-----BEGIN " + "PRIVATE KEY-----\\n" + PemBody() + "\\n-----END PRIVATE KEY-----\\n", "-----BEGIN " + "PRIVATE KEY-----\\n...");
        Plain("Firebase Cloud Messaging server key", ":APA91b", "AAAA" + W(7) + ":APA" + "91b" + W(134), "AAAA" + W(7) + ":APA" + "91b" + W(100));

        // Source hosting
        foreach (var p in new[] { "ghp_", "gho_", "ghu_", "ghs_", "ghr_" })
        {
            var token = WithBase62Checksum(p, A(30));
            Plain("GitHub token", p, token, WithWrongChecksum(token));
        }

        Plain("GitHub token", "github_pat_", "github" + "_pat_" + A(22) + "_" + A(59), "github" + "_pat_" + A(22) + "_" + A(20));
        Plain("GitLab token", "glpat-", "gl" + "pat-" + W(20), "gl" + "pat-" + W(15));
        Plain("GitLab OAuth application secret", "gloas-", "gl" + "oas-" + H(64), "gl" + "oas-" + H(63));
        Plain("GitLab deploy token", "gldt-", "gl" + "dt-" + W(20), "gl" + "dt-" + W(19));
        Plain("GitLab runner authentication token", "glrt-", "gl" + "rt-" + W(27), "gl" + "rt-" + W(12));
        Plain("GitLab runner registration token", "GR1348941", "GR" + "1348941" + W(20), "GR" + "1348941" + W(8));
        Plain("GitLab CI/CD job token", "glcbt-", "gl" + "cbt-" + W(40), "gl" + "cbt-" + W(10));
        Plain("GitLab pipeline trigger token", "glptt-", "gl" + "ptt-" + H(40), "gl" + "ptt-" + H(16));
        Plain("GitLab feed token", "glft-", "gl" + "ft-" + W(20), "gl" + "ft-" + W(9));
        Plain("GitLab incoming mail token", "glimt-", "gl" + "imt-" + W(25), "gl" + "imt-" + W(24));
        Plain("GitLab agent for Kubernetes token", "glagent-", "gl" + "agent-" + W(50), "gl" + "agent-" + W(40));
        Plain("GitLab SCIM token", "glsoat-", "gl" + "soat-" + W(20), "gl" + "soat-" + W(10));
        Plain("GitLab feature flags client token", "glffct-", "gl" + "ffct-" + W(20), "gl" + "ffct-" + W(19));
        Plain("Atlassian API token", "ATAT", "AT" + "ATT3xFfGF0" + W(170) + "=" + H(8).ToUpperInvariant(), "AT" + "ATT3xFfGF0" + W(20));
        Plain("Atlassian access token", "ATCT", "AT" + "CTT3xFfGN0" + W(170) + "=" + H(8).ToUpperInvariant(), "AT" + "CTT3xFfGN0" + W(20));
        Plain("Bitbucket app password", "ATBB", "AT" + "BB" + A(32), "AT" + "BB" + A(20));
        Plain("Sourcegraph access token", "sgp_", "sg" + "p_" + H(16) + "_" + H(40), "sg" + "p_" + H(16) + "_" + H(39));

        // Package registries
        Plain("NuGet API key", "oy2", "oy" + "2" + L(43), "oy" + "2" + L(42));
        S("NuGet feed password (nuget.config)", "ClearTextPassword", "<packageSourceCredentials><feed><add key=\"Username\" value=\"ci\" /><add key=\"ClearTextPassword\" value=\"{0}\" /></feed></packageSourceCredentials>", A(52), "%FEED_PAT%");
        var npm = WithBase62Checksum("np" + "m_", A(30));
        Plain("npm token", "npm_", npm, WithWrongChecksum(npm));
        S("npm token", "_authToken=", "//registry.example.com/:_authToken={0}", H(8) + "-" + H(4) + "-" + H(4) + "-" + H(4) + "-" + H(12), "${NPM_TOKEN}");
        Plain("PyPI token", "pypi-AgEIcHlwaS5vcmc", "pypi-" + "AgEIcHlwaS5vcmc" + W(60), "pypi-" + "AgEIcHlwaS5vcmc" + W(20));
        Plain("RubyGems API key", "rubygems_", "rubygems" + "_" + H(48), "rubygems" + "_" + H(47));
        Plain("Docker Hub personal access token", "dckr_pat_", "dckr" + "_pat_" + W(27), "dckr" + "_pat_" + W(20));
        Plain("Docker Hub organization access token", "dckr_oat_", "dckr" + "_oat_" + W(32), "dckr" + "_oat_" + W(25));
        Plain("JFrog reference token", "cmVmdGtuOjAxOj", "cmVmdGtu" + "OjAxOj" + A(50), "cmVmdGtu" + "OjAxOj" + A(30));
        Plain("JFrog API key", "AKCp", "AK" + "Cp" + A(69), "AK" + "Cp" + A(60));
        S("container registry credentials (Docker config.json)", "\"auths\"", "{\"auths\": {\"registry.example.com\": {\"auth\": \"{0}\"}}}", Base64Of("ci-bot:" + A(24)), Base64Of("no colon here " + A(12)));

        // CI/CD and infrastructure as code
        Plain("CircleCI personal API token", "CCIPAT_", "CCI" + "PAT_" + A(22) + "_" + H(40), "CCI" + "PAT_" + A(22) + "_" + H(39));
        Plain("CircleCI project API token", "CCIPRJ_", "CCI" + "PRJ_" + A(22) + "_" + H(40), "CCI" + "PRJ_" + A(22) + "_" + H(38));
        Plain("Buildkite API access token", "bkua_", "bk" + "ua_" + A(40), "bk" + "ua_" + A(39));
        Plain("Buildkite agent access token", "bkaa_", "bk" + "aa_" + W(72), "bk" + "aa_" + W(30));
        Plain("Octopus Deploy API key", "API-", "AP" + "I-" + U(28), "AP" + "I-" + "VERSIONHEADERNAMEFORCLIENTS");
        Plain("TeamCity access token", "eyJ0eXAiOiAiVENWMiJ9", "eyJ0eXAiOiAi" + "VENWMiJ9." + W(40) + "." + W(60), "eyJ0eXAiOiAi" + "VENWMiJ9." + W(10));
        Plain("SonarQube user token", "squ_", "sq" + "u_" + H(40), "sq" + "u_" + H(39));
        Plain("SonarQube project analysis token", "sqp_", "sq" + "p_" + H(40), "sq" + "p_" + H(41));
        Plain("SonarQube global analysis token", "sqa_", "sq" + "a_" + H(40), "sq" + "a_" + H(30));
        Plain("Harness personal access token", "pat.", "pa" + "t." + W(22) + "." + H(24) + "." + A(20), "pa" + "t." + W(22) + "." + H(24) + "." + A(19));
        Plain("Harness service account token", "sat.", "sa" + "t." + W(22) + "." + H(24) + "." + A(20), "sa" + "t." + W(22) + "." + H(23) + "." + A(20));
        Plain("Terraform Cloud API token", ".atlasv1.", A(14) + ".atlas" + "v1." + W(67), A(14) + ".atlas" + "v1." + W(30));
        Plain("Pulumi access token", "pul-", "pu" + "l-" + H(40), "pu" + "l-" + H(39));
        Plain("Infracost API key", "ico-", "ic" + "o-" + A(32), "ic" + "o-" + A(31));

        // Secret managers and identity
        Plain("HashiCorp Vault token", "hvs.", "hv" + "s." + W(90), "hv" + "s." + W(40));
        Plain("HashiCorp Vault token", "hvb.", "hv" + "b." + W(138), "hv" + "b." + W(60));
        Plain("HashiCorp Vault recovery token", "hvr.", "hv" + "r." + W(24), "hv" + "r." + W(10));
        Plain("Doppler personal token", "dp.pt.", "dp" + ".pt." + A(43), "dp" + ".pt." + A(30));
        Plain("Doppler CLI token", "dp.ct.", "dp" + ".ct." + A(43), "dp" + ".ct." + A(39));
        Plain("Doppler service token", "dp.st.", "dp" + ".st.dev." + A(43), "dp" + ".st.dev." + A(12));
        Plain("Doppler service account token", "dp.sa.", "dp" + ".sa." + A(43), "dp" + ".sa." + A(45));
        Plain("Doppler service account identity token", "dp.said.", "dp" + ".said." + A(43), "dp" + ".said." + A(20));
        Plain("Doppler SCIM token", "dp.scim.", "dp" + ".scim." + A(43), "dp" + ".scim." + A(20));
        Plain("Doppler audit token", "dp.audit.", "dp" + ".audit." + A(43), "dp" + ".audit." + A(20));
        Plain("1Password service account token", "ops_eyJ", "op" + "s_" + Base64Of("{\"signInAddress\":\"my.1password.com\",\"userAuth\":{\"method\":\"SRPg-4096\"},\"email\":\"" + L(26) + "@1passwordserviceaccounts.com\",\"srpX\":\"" + H(64) + "\"}"), "op" + "s_" + "eyJ" + A(30));
        S("Okta API token", "SSWS ", "Authorization: SSWS {0}", "00" + W(40), "00" + W(30));

        // Cloud and hosting platforms
        Plain("DigitalOcean personal access token", "dop_v1_", "dop" + "_v1_" + H(64), "dop" + "_v1_" + H(63));
        Plain("DigitalOcean OAuth token", "doo_v1_", "doo" + "_v1_" + H(64), "doo" + "_v1_" + H(60));
        Plain("DigitalOcean refresh token", "dor_v1_", "dor" + "_v1_" + H(64), "dor" + "_v1_" + H(65));
        Plain("Heroku API key", "HRKU-", "HR" + "KU-" + W(60), "HR" + "KU-" + W(30));
        Plain("Netlify personal access token", "nfp_", "nf" + "p_" + A(36), "nf" + "p_" + A(35));
        Plain("Render API key", "rnd_", "rn" + "d_" + A(32), "rn" + "d_" + "abcdefghijklmnopqrstuvwxyzABCDEF");
        Plain("Cloudflare Origin CA key", "v1.0-", "v1" + ".0-" + H(24) + "-" + H(146), "v1" + ".0-" + H(24) + "-" + H(100));
        Plain("Tailscale key", "tskey-", "ts" + "key-auth-" + A(12) + "-" + A(33), "ts" + "key-auth-" + A(12) + "-" + A(10));
        Plain("Supabase personal access token", "sbp_", "sb" + "p_" + H(40), "sb" + "p_" + H(39));
        Plain("Supabase secret key", "sb_secret_", "sb" + "_secret_" + W(31), "sb" + "_secret_" + W(10));
        Plain("PlanetScale service token", "pscale_tkn_", "pscale" + "_tkn_" + W(43), "pscale" + "_tkn_" + W(20));
        Plain("PlanetScale database password", "pscale_pw_", "pscale" + "_pw_" + W(43), "pscale" + "_pw_" + W(20));
        Plain("PlanetScale OAuth token", "pscale_oauth_", "pscale" + "_oauth_" + W(43), "pscale" + "_oauth_" + W(20));
        Plain("Neon API key", "napi_", "na" + "pi_" + L(64), "na" + "pi_" + L(63));
        Plain("Databricks access token", "dapi", "da" + "pi" + H(32), "da" + "pi" + H(31));

        // Messaging
        Plain("SendGrid API key", "SG.", "S" + "G." + W(22) + "." + W(43), "S" + "G." + W(22) + "." + W(20));
        Plain("Twilio API key", "SK", "S" + "K" + H(32), "S" + "K" + H(31));
        Plain("Slack token", "xox", "xo" + "xb-" + "2048617391-7730199524-" + A(24), "xo" + "xb-" + "20");
        Plain("Slack token", "xapp-", "xa" + "pp-1-" + U(11) + "-" + "4817350139245-" + H(64), "xa" + "pp-1-" + U(11) + "-" + "4817350139245-" + H(20));
        S("Slack webhook", "hooks.slack.com/", "https://{0}", "hooks." + "slack.com/services/T0" + U(9) + "/B0" + U(9) + "/" + A(24), "hooks." + "slack.com/services/T0" + U(9) + "/B0" + U(9) + "/" + A(12));
        S("Microsoft Teams webhook", ".office.com/webhook", "https://contoso.webhook{0}", ".office.com/webhookb2/" + Uuid() + "@" + Uuid() + "/IncomingWebhook/" + H(32) + "/" + Uuid(), ".office.com/webhookb2/" + Uuid() + "@" + Uuid() + "/IncomingWebhook/" + H(31) + "/" + Uuid());
        S("Discord webhook", "/api/webhooks/", "https://discord.com/api/webhooks/1187412345678901234/{0}", W(68), W(30));
        S("Discord bot token", "Bot ", "Authorization: Bot {0}", "MT" + A(24) + "." + W(6) + "." + W(38), "MT" + A(24) + "." + W(6) + "." + W(10));
        Plain("Telegram bot token", ":AA", "6012345678" + ":AA" + W(33), "6012345678" + ":AA" + W(32));
        S("Zapier webhook", "hooks.zapier.com/hooks/catch/", "https://{0}", "hooks.zapier.com/hooks/catch/" + "1234567/" + L(6), "hooks.zapier.com/hooks/catch/");
        Plain("Mailgun API key", "key-", "ke" + "y-" + H(32), "ke" + "y-" + H(31));
        Plain("Mailchimp API key", "-us", H(32) + "-us" + "21", H(31) + "-us" + "21");
        Plain("Mandrill API key", "md-", "m" + "d-" + A(22), "m" + "d-" + "toolbar-tools-primary1");
        Plain("Brevo API key", "xkeysib-", "xkey" + "sib-" + H(64) + "-" + A(16), "xkey" + "sib-" + H(64) + "-" + A(15));
        Plain("Brevo SMTP key", "xsmtpsib-", "xsmtp" + "sib-" + H(64) + "-" + A(16), "xsmtp" + "sib-" + H(63) + "-" + A(16));
        S("Postmark token", "X-Postmark-", "X-Postmark-Server-Token: {0}", Uuid(), H(32));
        Plain("Resend API key", "re_", "r" + "e_" + A(8) + "_" + A(24), "r" + "e_" + "index_of_the_first_token");

        // Payments
        Plain("Stripe live key", "sk_live_", "sk" + "_live_" + A(24), "sk" + "_live_" + A(10));
        Plain("Stripe live key", "rk_live_", "rk" + "_live_" + A(24), "rk" + "_live_" + A(12));
        Plain("Stripe webhook signing secret", "whsec_", "wh" + "sec_" + A(32), "wh" + "sec_" + A(20));
        Plain("Square access token", "EAAA", "EA" + "AA" + W(60), "EA" + "AA" + W(59));
        Plain("Square access token", "sq0atp-", "sq0" + "atp-" + W(22), "sq0" + "atp-" + W(21));
        Plain("Square OAuth application secret", "sq0csp-", "sq0" + "csp-" + W(43), "sq0" + "csp-" + W(42));
        Plain("Braintree (PayPal) access token", "access_token$production$", "access_token" + "$production$" + L(16) + "$" + H(32), "access_token" + "$production$" + L(16) + "$" + H(31));
        Plain("Shopify access token", "shpat_", "shp" + "at_" + H(32), "shp" + "at_" + H(31));
        Plain("Shopify custom app access token", "shpca_", "shp" + "ca_" + H(32), "shp" + "ca_" + H(33));
        Plain("Shopify private app password", "shppa_", "shp" + "pa_" + H(32), "shp" + "pa_" + H(30));
        Plain("Shopify shared secret", "shpss_", "shp" + "ss_" + H(32), "shp" + "ss_" + H(29));
        Plain("Flutterwave secret key", "FLWSECK-", "FLW" + "SECK-" + H(32) + "-X", "FLW" + "SECK-" + H(31) + "-X");
        Plain("Plaid access token", "access-production-", "access-" + "production-" + Uuid(), "access-" + "production-" + H(32));
        Plain("Mollie live API key", "live_", "li" + "ve_" + A(30), "li" + "ve_" + A(29));
        Plain("Paddle live API key", "pdl_live_apikey_", "pdl" + "_live_apikey_" + L(26) + "_" + A(22) + "_" + A(3), "pdl" + "_live_apikey_" + L(20));
        Plain("EasyPost production API key", "EZAK", "EZ" + "AK" + A(54), "EZ" + "AK" + A(53));
        Plain("Shippo live API token", "shippo_live_", "shippo" + "_live_" + H(40), "shippo" + "_live_" + H(39));
        Plain("Duffel live access token", "duffel_live_", "duffel" + "_live_" + W(43), "duffel" + "_live_" + W(42));

        // AI APIs
        Plain("OpenAI API key", "T3BlbkFJ", "sk-" + A(20) + "T3Blbk" + "FJ" + A(20), "sk-" + A(20) + "T3Blbk" + "FJ" + A(10));
        Plain("OpenAI API key", "sk-proj-", "sk-" + "proj-" + W(156), "sk-" + "proj-" + W(40));
        Plain("OpenAI service account key", "sk-svcacct-", "sk-" + "svcacct-" + W(156), "sk-" + "svcacct-" + W(40));
        Plain("OpenAI admin key", "sk-admin-", "sk-" + "admin-" + W(156), "sk-" + "admin-" + W(40));
        Plain("Anthropic API key", "sk-ant-", "sk-" + "ant-api03-" + W(93) + "AA", "sk-" + "ant-api03-" + W(40));
        Plain("OpenRouter API key", "sk-or-v1-", "sk-" + "or-v1-" + H(64), "sk-" + "or-v1-" + H(63));
        Plain("DeepSeek API key", "sk-", "sk-" + H(32), "sk-" + H(31));
        Plain("ElevenLabs API key", "sk_", "sk" + "_" + H(48), "sk" + "_" + H(47));
        Plain("Hugging Face token", "hf_", "h" + "f_" + Letters(34), "h" + "f_" + Letters(34).ToLowerInvariant());
        Plain("Hugging Face organization token", "api_org_", "api" + "_org_" + Letters(34), "api" + "_org_" + Letters(33));
        Plain("Replicate API token", "r8_", "r" + "8_" + A(37), "r" + "8_" + A(36));
        Plain("Groq API key", "gsk_", "gs" + "k_" + A(52), "gs" + "k_" + A(51));
        Plain("Perplexity API key", "pplx-", "pp" + "lx-" + A(48), "pp" + "lx-" + A(47));
        Plain("xAI API key", "xai-", "xa" + "i-" + A(80), "xa" + "i-" + A(79));
        Plain("LangSmith API key", "lsv2_", "ls" + "v2_pt_" + H(32) + "_" + H(10), "ls" + "v2_pt_" + H(32) + "_" + H(9));
        Plain("Pinecone API key", "pcsk_", "pc" + "sk_" + A(6) + "_" + A(63), "pc" + "sk_" + A(6) + "_" + A(20));
        Plain("Tavily API key", "tvly-", "tv" + "ly-dev-" + A(32), "tv" + "ly-dev-" + A(31));
        Plain("Fireworks AI API key", "fw_", "f" + "w_" + A(24), "f" + "w_" + "assemblies_and_resources");

        // Observability
        Plain("Sentry token", "sntry", "sntry" + "u_" + H(64), "sntry" + "u_" + H(20));
        Plain("New Relic API key", "NRAK-", "NR" + "AK-" + U(27), "NR" + "AK-" + U(26));
        Plain("New Relic license key", "NRAL", H(36) + "NR" + "AL", H(35) + "NR" + "AL");
        Plain("New Relic Insights insert key", "NRII-", "NR" + "II-" + W(32), "NR" + "II-" + W(31));
        Plain("New Relic Insights query key", "NRIQ-", "NR" + "IQ-" + W(32), "NR" + "IQ-" + W(30));
        Plain("New Relic REST API key", "NRRA-", "NR" + "RA-" + H(42), "NR" + "RA-" + H(41));
        Plain("Grafana token", "glsa_", "gl" + "sa_" + A(32) + "_" + H(8), "gl" + "sa_" + A(32) + "_" + H(7));
        Plain("Grafana token", "glc_", "gl" + "c_" + B(120) + "=", "gl" + "c_" + B(20));
        Plain("Grafana API key", "eyJrIjoi", "eyJrIjoi" + W(80), "eyJrIjoi" + W(40));
        Plain("Dynatrace token", "dt0", "dt0" + "c01." + U(24) + "." + U(64), "dt0" + "c01." + U(24) + "." + U(63));
        Plain("Honeycomb ingest key", "hcaik_", "hc" + "aik_" + L(58), "hc" + "aik_" + L(40));
        S("Splunk HTTP Event Collector token", "Splunk ", "Authorization: Splunk {0}", Uuid(), H(36));
        S("Opsgenie API key", "GenieKey ", "Authorization: GenieKey {0}", Uuid(), H(32));
        S("Seq API key", "X-Seq-ApiKey", "X-Seq-ApiKey: {0}", A(20), A(19));
        S("Elasticsearch API key", "ApiKey ", "Authorization: ApiKey {0}", Base64Of(W(20) + ":" + W(22)), B(60));
        S("Datadog API key", "key", "DD_API_KEY={0}", H(32), H(31));

        // SaaS tools
        Plain("Notion integration secret", "secret_", "sec" + "ret_" + A(43), "sec" + "ret_" + "key_for_the_session_cookie_of_the_admin_sit");
        Plain("Notion integration secret", "ntn_", "nt" + "n_" + A(46), "nt" + "n_" + A(45));
        Plain("Figma personal access token", "figd_", "fi" + "gd_" + W(40), "fi" + "gd_" + W(39));
        Plain("Airtable personal access token", "pat", "pa" + "t" + A(14) + "." + H(64), "pa" + "t" + A(14) + "." + H(63));
        Plain("Mapbox secret token", "sk.eyJ", "sk" + ".eyJ" + W(60) + "." + W(22), "sk" + ".eyJ" + W(10));
        Plain("Contentful personal access token", "CFPAT-", "CF" + "PAT-" + W(43), "CF" + "PAT-" + W(42));
        Plain("HubSpot private app token", "pat-", "pa" + "t-na1-" + Uuid(), "pa" + "t-na1-" + H(32));
        Plain("Salesforce access token", "00D", "00" + "D" + A(15) + "!" + W(100).Replace('-', '.').Replace('_', 'x'), "00" + "D" + A(15) + "!" + A(20));
        Plain("Dropbox access token", "sl.", "s" + "l." + W(138), "s" + "l." + W(60));
        Plain("Typeform personal access token", "tfp_", "tf" + "p_" + W(44), "tf" + "p_" + W(20));
        Plain("Frame.io developer token", "fio-u-", "fio" + "-u-" + W(64), "fio" + "-u-" + W(63));
        Plain("ReadMe API key", "rdme_", "rd" + "me_" + L(70), "rd" + "me_" + L(69));
        Plain("Prefect API key", "pnu_", "pn" + "u_" + A(36), "pn" + "u_" + A(35));
        Plain("Linear API key", "lin_api_", "lin" + "_api_" + A(40), "lin" + "_api_" + A(39));
        Plain("Postman API key", "PMAK-", "PM" + "AK-" + H(24) + "-" + H(34), "PM" + "AK-" + H(24) + "-" + H(33));
        Plain("LaunchDarkly SDK key", "sdk-", "sd" + "k-" + Uuid(), "sd" + "k-" + H(32));
        Plain("X (Twitter) bearer token", "AAAAAAAAAAAAAAAAAAAAA", new string('A', 21) + A(40) + "%3D" + A(50), new string('A', 80));
        Plain("Meta (Facebook) access token", "EAA", "EA" + "A" + A(180), "EA" + "A" + A(120) + "+" + B(40));

        // Keys
        Plain("age secret key", "AGE-SECRET-KEY-1", "AGE-SECRET-" + "KEY-1" + new string(Enumerable.Range(0, 58).Select(_ => Bech32[Random.Next(32)]).ToArray()), "AGE-SECRET-" + "KEY-1" + new string(Enumerable.Range(0, 57).Select(_ => Bech32[Random.Next(32)]).ToArray()));
        S("PuTTY private key", "PuTTY-User-Key-File-", "PuTTY-User-" + "Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n" + B(64) + "\nPrivate-Lines: 1\n{0}", B(44), "");
        Plain("private key (base64 of PEM)", "LS0tLS1CRUdJTi", Base64Of("-----BEGIN " + "RSA PRIVATE KEY-----\n" + PemBody() + "\n" + PemBody() + "\n-----END RSA PRIVATE KEY-----\n"), Base64Of("-----BEGIN CERTIFICATE-----\n" + PemBody() + "\n" + PemBody() + "\n-----END CERTIFICATE-----\n"));
        S("private key", "-----BEGIN", "{0}\n-----END OPENSSH PRIVATE KEY-----", "-----BEGIN " + "OPENSSH PRIVATE KEY-----\n" + PemBody(), "-----BEGIN " + "OPENSSH PRIVATE KEY-----\n");
        S("private key (JSON Web Key)", "\"kty\"", "{\"kty\":\"RSA\",\"n\":\"AQAB0x\",\"e\":\"AQAB\",\"d\":\"{0}\"}", W(43), "short");
        Plain("JSON Web Token", "eyJ", "eyJhbGciOiJIUzI1NiJ9" + ".eyJ" + W(40) + "." + W(43), "eyJhbGciOiJIUzI1NiJ9" + ".e30." + W(43));

        return samples;
    }

    private static List<TokenFormatSample> BuildTestMode()
    {
        var samples = new List<TokenFormatSample>();
        void Plain(string kind, string prefix, string secret, string lookalike) => samples.Add(new TokenFormatSample(kind, prefix, "value: {0}", secret, lookalike));
        Plain("Stripe test key", "sk_test_", "sk" + "_test_" + A(24), "sk" + "_test_" + A(4));
        Plain("Stripe test key", "pk_test_", "pk" + "_test_" + A(24), "pk" + "_test_" + A(5));
        Plain("Stripe test key", "rk_test_", "rk" + "_test_" + A(24), "rk" + "_test_" + A(6));
        Plain("Braintree sandbox access token", "access_token$sandbox$", "access_token" + "$sandbox$" + L(16) + "$" + H(32), "access_token" + "$sandbox$" + L(16) + "$" + H(31));
        Plain("Plaid sandbox access token", "access-sandbox-", "access-" + "sandbox-" + Uuid(), "access-" + "sandbox-" + H(32));
        Plain("Flutterwave test key", "FLWSECK_TEST-", "FLWSECK" + "_TEST-" + H(32) + "-X", "FLWSECK" + "_TEST-" + H(31) + "-X");
        Plain("Mollie test API key", "test_", "te" + "st_" + A(30), "te" + "st_" + "method_names_in_lower_case_xyz");
        Plain("Paddle sandbox API key", "pdl_sdbx_apikey_", "pdl" + "_sdbx_apikey_" + L(26) + "_" + A(22) + "_" + A(3), "pdl" + "_sdbx_apikey_" + L(20));
        Plain("EasyPost test API key", "EZTK", "EZ" + "TK" + A(54), "EZ" + "TK" + A(50));
        Plain("Shippo test API token", "shippo_test_", "shippo" + "_test_" + H(40), "shippo" + "_test_" + H(39));
        Plain("Duffel test access token", "duffel_test_", "duffel" + "_test_" + W(43), "duffel" + "_test_" + W(42));
        return samples;
    }
}
