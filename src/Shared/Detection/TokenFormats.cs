using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace ProductionReady.Detection;

/// <summary>A well-known credential format found in a string.</summary>
internal readonly struct TokenMatch
{
    public TokenMatch(string kind, int start, int length, string prefix = "", bool isJsonWebToken = false)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Prefix = prefix;
        IsJsonWebToken = isJsonWebToken;
    }

    /// <summary>What it is, for messages: "AWS access key", "GitHub token", …</summary>
    public string Kind { get; }

    public int Start { get; }

    public int Length { get; }

    /// <summary>The prefix or keyword of the format that matched: with <see cref="Kind"/>, which format it was.</summary>
    public string Prefix { get; }

    /// <summary>A JSON Web Token: often a sample or a test fixture's, so the analyzers treat it apart.</summary>
    public bool IsJsonWebToken { get; }
}

/// <summary>
/// Well-known credential formats that are secrets wherever they appear, each in its public shape: about two hundred
/// formats of cloud providers (AWS, Azure, Google Cloud, …), source hosting and CI, package registries, payment,
/// messaging, observability, AI APIs and SaaS tools, private keys in their encodings, JWTs; and the test-mode keys
/// that must not reach Production. The list with each format's shape is in analyzers/RULES.md (PRD001).
/// </summary>
/// <remarks>
/// Shared source: compiled into the runtime library and into the analyzers (netstandard2.0).
/// A cheap prefix scan runs before any regular expression, because the analyzer calls this for
/// every string literal in a compilation and the log masker for every message: one pass over the text finds which
/// formats' prefixes occur, whatever the number of formats, and only those formats' checks run.
/// </remarks>
internal static class TokenFormats
{
    private sealed class Format
    {
        private readonly string _pattern;
        private readonly RegexOptions _options;
        private Regex? _regex;

        public Format(string kind, string prefix, string pattern, bool ignoreCase = false, Func<string, bool>? check = null, string? alsoPresent = null)
        {
            Kind = kind;
            Prefix = prefix;
            AlsoPresent = alsoPresent;
            Check = check;
            _pattern = pattern;
            IgnoreCase = ignoreCase;
            _options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        }

        public string Kind { get; }

        /// <summary>A literal piece every match contains (two characters or more): the cheap test that runs before the regular expression.</summary>
        public string Prefix { get; }

        /// <summary>A second piece every match contains, for formats whose prefix alone is common.</summary>
        public string? AlsoPresent { get; }

        /// <summary>
        /// What the shape alone cannot say, run on the found value: a checksum (GitHub, npm), a decoded body (base64 of a
        /// PEM key), upper and lower case in a letters-only token (a real token has both; a word does not).
        /// </summary>
        public Func<string, bool>? Check { get; }

        public bool IgnoreCase { get; }

        // Built on first use: most formats never see their prefix, and building all of them up front
        // is most of the cost of the first call (at app startup, or per analyzer load).
        public Regex Pattern => _regex ??= new Regex(_pattern, _options, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>
    /// Which formats' prefixes occur in a text, found in one pass over it. One IndexOf per format and literal was the
    /// largest single cost of PRD001 on real code (about 45 searches per literal). Formats are bucketed by the first two
    /// characters of their prefix, so each position of the text costs one table lookup however many formats there are;
    /// a bucket holds the few formats that share those two characters. The formats are still tried in table order.
    /// </summary>
    private sealed class PrefixIndex
    {
        private const int Ascii = 128;

        private readonly Format[] _formats;

        // [c0 * 128 + c1]: 1 + the index in _buckets of the formats whose prefix starts with c0 c1 (both cases for
        // case-insensitive ones), 0 for none. 32 KB, shared by every call.
        private readonly ushort[] _bucketOfPair = new ushort[Ascii * Ascii];
        private readonly int[][] _buckets;

        public PrefixIndex(Format[] formats)
        {
            _formats = formats;
            var buckets = new List<List<int>>();
            for (var i = 0; i < formats.Length; i++)
            {
                var prefix = formats[i].Prefix;
                if (prefix.Length < 2 || prefix[0] >= Ascii || prefix[1] >= Ascii)
                {
                    throw new ArgumentException($"The prefix of \"{formats[i].Kind}\" must start with two ASCII characters.", nameof(formats));
                }

                foreach (var first in Cases(prefix[0], formats[i].IgnoreCase))
                {
                    foreach (var second in Cases(prefix[1], formats[i].IgnoreCase))
                    {
                        var pair = (first * Ascii) + second;
                        if (_bucketOfPair[pair] == 0)
                        {
                            buckets.Add(new List<int>());
                            _bucketOfPair[pair] = (ushort)buckets.Count;
                        }

                        var bucket = buckets[_bucketOfPair[pair] - 1];
                        if (!bucket.Contains(i))
                        {
                            bucket.Add(i);
                        }
                    }
                }
            }

            _buckets = buckets.Select(b => b.ToArray()).ToArray();
        }

        public int Count => _formats.Length;

        /// <summary>One bit per format whose prefix occurs in <paramref name="text"/>; null when none does (the usual case).</summary>
        [MethodImpl(HotPath.Options)]
        public ulong[]? PrefixesIn(string text)
        {
            ulong[]? found = null;
            var last = text.Length - 1;
            for (var position = 0; position < last; position++)
            {
                var first = text[position];
                var second = text[position + 1];
                if (first >= Ascii || second >= Ascii)
                {
                    continue;
                }

                var bucket = _bucketOfPair[(first * Ascii) + second];
                if (bucket == 0)
                {
                    continue;
                }

                foreach (var i in _buckets[bucket - 1])
                {
                    if (found is not null && (found[i >> 6] & (1UL << (i & 63))) != 0)
                    {
                        continue;
                    }

                    var format = _formats[i];
                    var comparison = format.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                    if (position + format.Prefix.Length <= text.Length && string.Compare(text, position, format.Prefix, 0, format.Prefix.Length, comparison) == 0)
                    {
                        found ??= new ulong[(_formats.Length + 63) >> 6];
                        found[i >> 6] |= 1UL << (i & 63);
                    }
                }
            }

            return found;
        }

        private static IEnumerable<char> Cases(char c, bool ignoreCase)
        {
            yield return c;
            if (ignoreCase && char.ToUpperInvariant(c) != c)
            {
                yield return char.ToUpperInvariant(c);
            }

            if (ignoreCase && char.ToLowerInvariant(c) != c)
            {
                yield return char.ToLowerInvariant(c);
            }
        }
    }

    // Base64 of 64 bytes (storage and Cosmos DB keys) and of 32 bytes (SAS keys, App Configuration secrets).
    private const string Base64Of64 = @"[A-Za-z0-9+/]{86}==";
    private const string Base64Of32 = @"[A-Za-z0-9+/]{43}=";
    private const string Uuid = @"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    // A header or option name, then its value: `Name: value`, `"Name": "value"`, `Name=value`, `("Name", "value")`.
    private const string Assigned = @"[""']?\s*[:=,]\s*[""']?";

    // Declared before the table that lists it: static fields initialise in order.
    private static readonly Format JsonWebToken = new Format("JSON Web Token", "eyJ", @"\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}");

    // Each format: its public shape, and a literal prefix or keyword every match contains. A group named "s"
    // is the secret inside a longer match (AccountKey=…, sig=…, "d":"…"); without it the whole match is.
    // Order matters where two formats can match the same text: the more specific one comes first.
    private static readonly Format[] LiveFormats =
    {
        // AWS (IAM's documented unique-ID prefixes of credentials), Alibaba Cloud, Tencent Cloud, Scaleway
        new Format("AWS access key", "AKIA", @"\bAKIA[0-9A-Z]{16}\b"),
        new Format("AWS access key", "ASIA", @"\bASIA[0-9A-Z]{16}\b"),
        new Format("AWS STS service bearer token", "ABIA", @"\bABIA[0-9A-Z]{16}\b"),
        new Format("AWS context-specific credential", "ACCA", @"\bACCA[0-9A-Z]{16}\b"),
        new Format("AWS secret access key", "secret_access_key", @"aws_?secret_?access_?key" + Assigned + @"(?<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])", ignoreCase: true),
        new Format("AWS session token", "session_token", @"aws_?session_?token" + Assigned + @"(?<s>[A-Za-z0-9/+]{100,}={0,2})", ignoreCase: true),
        new Format("Alibaba Cloud AccessKey ID", "LTAI", @"\bLTAI[A-Za-z0-9]{12,20}\b", check: HasDigit),
        new Format("Tencent Cloud SecretId", "AKID", @"\bAKID[A-Za-z0-9]{32}\b", check: HasDigit),
        new Format("Scaleway access key", "SCW", @"\bSCW[0-9A-Z]{17}\b", check: HasDigit),

        // Azure
        new Format("Microsoft Entra ID client secret", "Q~", @"(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])"),
        new Format("Azure storage account key", "AccountKey=", @"AccountKey=(?<s>" + Base64Of64 + ")", ignoreCase: true),
        new Format("Azure shared access key", "SharedAccessKey=", @"SharedAccessKey=(?<s>" + Base64Of32 + ")", ignoreCase: true),
        new Format("Azure Logic Apps or Power Automate trigger URL", ".logic.azure.com", @"\.logic\.azure\.com(?::443)?/workflows/[0-9a-f]{32}/triggers/[^?\s""']+\?[^\s""']*?[?&]sig=(?<s>[A-Za-z0-9_-]{40,})", ignoreCase: true),
        new Format("Azure SAS signature", "sig=", @"[?&]sv=[^&\s]+.*?[?&]sig=(?<s>(?:[A-Za-z0-9+/]|%2[BbFf]){40,}(?:=|%3[Dd])?)|[?&]sig=(?<s>(?:[A-Za-z0-9+/]|%2[BbFf]){40,}(?:=|%3[Dd])?)(?=.*?[?&]sv=)"),
        new Format("Azure App Configuration secret", ".azconfig.io", @"\.azconfig\.io[^;]*;Id=[^;]+;Secret=(?<s>[A-Za-z0-9+/]{40,}={0,2})", ignoreCase: true),
        new Format("Azure DevOps personal access token", "AZDO", @"\b[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}\b"),
        new Format("Azure Container Registry password", "+ACR", @"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{42}\+ACR[A-Za-z0-9]{6}(?![A-Za-z0-9+/])"),
        new Format("Azure Functions key", ".azurewebsites.net/api/", @"\.azurewebsites\.net/api/[^?\s""']*\?(?:[^#\s""']*&)?code=(?<s>[A-Za-z0-9_-]{40,}(?:={0,2}|(?:%3[Dd]){1,2}))", ignoreCase: true),
        new Format("Azure API Management subscription key", "Ocp-Apim-Subscription-Key", @"Ocp-Apim-Subscription-Key" + Assigned + @"(?<s>[0-9a-f]{32})\b", ignoreCase: true),
        new Format("Azure SignalR access key", ".service.signalr.net", @"\.service\.signalr\.net[^;]*;AccessKey=(?<s>" + Base64Of32 + ")", ignoreCase: true),
        new Format("Azure Web PubSub access key", ".webpubsub.azure.com", @"\.webpubsub\.azure\.com[^;]*;AccessKey=(?<s>" + Base64Of32 + ")", ignoreCase: true),
        new Format("Azure Communication Services access key", ".communication.azure.com", @"\.communication\.azure\.com/?;AccessKey=(?<s>[A-Za-z0-9+/]{40,}={0,2})", ignoreCase: true),
        new Format("Azure Cache for Redis access key", ".redis.cache.windows.net", @"\.redis\.cache\.windows\.net(?::[0-9]+)?,(?:[^,""]*,)*?\s*password=(?<s>[A-Za-z0-9+/]{43}=)", ignoreCase: true),
        new Format("Azure Event Grid access key", "aeg-sas-key", @"aeg-sas-key" + Assigned + @"(?<s>" + Base64Of32 + ")", ignoreCase: true),

        // Google Cloud and Firebase
        new Format("Google Chat webhook", "chat.googleapis.com/v1/spaces/", @"chat\.googleapis\.com/v1/spaces/[A-Za-z0-9_-]+/messages\?key=[^&\s""']+&token=(?<s>[A-Za-z0-9_%=-]{20,})"),
        new Format("Google API key", "AIza", @"\bAIza[0-9A-Za-z_\-]{35}"),
        new Format("Google OAuth client secret", "GOCSPX-", @"\bGOCSPX-[A-Za-z0-9_-]{28}"),
        new Format("Google OAuth access token", "ya29.", @"\bya29\.[0-9A-Za-z_-]{30,}"),
        new Format("Google OAuth refresh token", "1//0", @"(?<![A-Za-z0-9_/])1//0[0-9A-Za-z_-]{40,}"),
        new Format("Google Cloud service account key", "service_account", @"""type""\s*:\s*""service_account""[^{}]*?""private_key""\s*:\s*""(?<s>-----BEGIN PRIVATE KEY-----[^""]{40,})"""),
        new Format("Firebase Cloud Messaging server key", ":APA91b", @"\bAAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}"),

        // Source hosting (GitHub's tokens carry a CRC32 of their body in the last six characters)
        new Format("GitHub token", "ghp_", @"\bghp_[A-Za-z0-9]{36}\b", check: HasBase62Checksum),
        new Format("GitHub token", "gho_", @"\bgho_[A-Za-z0-9]{36}\b", check: HasBase62Checksum),
        new Format("GitHub token", "ghu_", @"\bghu_[A-Za-z0-9]{36}\b", check: HasBase62Checksum),
        new Format("GitHub token", "ghs_", @"\bghs_[A-Za-z0-9]{36}\b", check: HasBase62Checksum),
        new Format("GitHub token", "ghr_", @"\bghr_[A-Za-z0-9]{36}\b", check: HasBase62Checksum),
        new Format("GitHub token", "github_pat_", @"\bgithub_pat_[A-Za-z0-9_]{60,}\b"),
        new Format("GitLab token", "glpat-", @"\bglpat-[A-Za-z0-9_-]{20,}"),
        new Format("GitLab OAuth application secret", "gloas-", @"\bgloas-[0-9a-f]{64}\b"),
        new Format("GitLab deploy token", "gldt-", @"\bgldt-[A-Za-z0-9_-]{20,}"),
        new Format("GitLab runner authentication token", "glrt-", @"\bglrt-[A-Za-z0-9_.-]{20,}"),
        new Format("GitLab runner registration token", "GR1348941", @"\bGR1348941[A-Za-z0-9_-]{20,}"),
        new Format("GitLab CI/CD job token", "glcbt-", @"\bglcbt-[A-Za-z0-9_-]{20,}"),
        new Format("GitLab pipeline trigger token", "glptt-", @"\bglptt-[A-Za-z0-9_-]{20,}"),
        new Format("GitLab feed token", "glft-", @"\bglft-[A-Za-z0-9_-]{20,}"),
        new Format("GitLab incoming mail token", "glimt-", @"\bglimt-[A-Za-z0-9_-]{25,}"),
        new Format("GitLab agent for Kubernetes token", "glagent-", @"\bglagent-[A-Za-z0-9_-]{50,}"),
        new Format("GitLab SCIM token", "glsoat-", @"\bglsoat-[A-Za-z0-9_-]{20,}"),
        new Format("GitLab feature flags client token", "glffct-", @"\bglffct-[A-Za-z0-9_-]{20,}"),
        new Format("Atlassian API token", "ATAT", @"\bATAT[A-Za-z0-9_=+/.-]{60,}", check: HasDigit),
        new Format("Atlassian access token", "ATCT", @"\bATCT[A-Za-z0-9_=+/.-]{60,}", check: HasDigit),
        new Format("Bitbucket app password", "ATBB", @"\bATBB[A-Za-z0-9_=.-]{32,}", check: HasDigit),
        new Format("Sourcegraph access token", "sgp_", @"\bsgp_(?:[0-9a-f]{16}_)?[0-9a-f]{40}\b"),

        // Package registries (npm's tokens carry a CRC32 like GitHub's)
        new Format("NuGet API key", "oy2", @"\boy2[a-z0-9]{43}\b"),
        new Format("NuGet feed password (nuget.config)", "ClearTextPassword", @"key\s*=\s*[""']ClearTextPassword[""']\s+value\s*=\s*[""'](?<s>[^""'%$\s][^""']{5,})[""']", ignoreCase: true),
        new Format("npm token", "npm_", @"\bnpm_[A-Za-z0-9]{36}\b", check: HasBase62Checksum),
        new Format("npm token", "_authToken=", @"_authToken=(?<s>[A-Za-z0-9._~+/=-]{20,})"),
        new Format("PyPI token", "pypi-AgEIcHlwaS5vcmc", @"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}"),
        new Format("RubyGems API key", "rubygems_", @"\brubygems_[0-9a-f]{48}\b"),
        new Format("Docker Hub personal access token", "dckr_pat_", @"\bdckr_pat_[A-Za-z0-9_-]{27,}"),
        new Format("Docker Hub organization access token", "dckr_oat_", @"\bdckr_oat_[A-Za-z0-9_-]{32,}"),
        new Format("JFrog reference token", "cmVmdGtuOjAxOj", @"\bcmVmdGtuOjAxOj[A-Za-z0-9]{50,}"),
        new Format("JFrog API key", "AKCp", @"\bAKCp[A-Za-z0-9]{69}\b"),
        new Format("container registry credentials (Docker config.json)", "\"auths\"", @"""auths""\s*:\s*\{[^{}]*\{[^{}]*?""auth""\s*:\s*""(?<s>[A-Za-z0-9+/]{8,}={0,2})""", check: IsBase64OfUserAndPassword),

        // CI/CD and infrastructure as code
        new Format("CircleCI personal API token", "CCIPAT_", @"\bCCIPAT_[A-Za-z0-9]{20,}_[0-9a-f]{40}\b"),
        new Format("CircleCI project API token", "CCIPRJ_", @"\bCCIPRJ_[A-Za-z0-9]{20,}_[0-9a-f]{40}\b"),
        new Format("Buildkite API access token", "bkua_", @"\bbkua_[A-Za-z0-9]{40}\b"),
        new Format("Buildkite agent access token", "bkaa_", @"\bbkaa_[A-Za-z0-9_-]{40,}"),
        new Format("Octopus Deploy API key", "API-", @"\bAPI-[A-Z0-9]{26,32}\b", check: HasDigit),
        new Format("TeamCity access token", "eyJ0eXAiOiAiVENWMiJ9", @"\beyJ0eXAiOiAiVENWMiJ9\.[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}"),
        new Format("SonarQube user token", "squ_", @"\bsqu_[0-9a-f]{40}\b"),
        new Format("SonarQube project analysis token", "sqp_", @"\bsqp_[0-9a-f]{40}\b"),
        new Format("SonarQube global analysis token", "sqa_", @"\bsqa_[0-9a-f]{40}\b"),
        new Format("Harness personal access token", "pat.", @"\bpat\.[A-Za-z0-9_-]{22}\.[0-9a-f]{24}\.[A-Za-z0-9]{20}\b"),
        new Format("Harness service account token", "sat.", @"\bsat\.[A-Za-z0-9_-]{22}\.[0-9a-f]{24}\.[A-Za-z0-9]{20}\b"),
        new Format("Terraform Cloud API token", ".atlasv1.", @"\b[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}"),
        new Format("Pulumi access token", "pul-", @"\bpul-[0-9a-f]{40}\b"),
        new Format("Infracost API key", "ico-", @"\bico-[A-Za-z0-9]{32}\b", check: HasDigit),

        // Secret managers and identity
        new Format("HashiCorp Vault token", "hvs.", @"\bhvs\.[A-Za-z0-9_-]{90,}"),
        new Format("HashiCorp Vault token", "hvb.", @"\bhvb\.[A-Za-z0-9_-]{90,}"),
        new Format("HashiCorp Vault recovery token", "hvr.", @"\bhvr\.[A-Za-z0-9_-]{20,}"),
        new Format("Doppler personal token", "dp.pt.", @"\bdp\.pt\.[A-Za-z0-9]{40,44}\b"),
        new Format("Doppler CLI token", "dp.ct.", @"\bdp\.ct\.[A-Za-z0-9]{40,44}\b"),
        new Format("Doppler service token", "dp.st.", @"\bdp\.st\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44}\b"),
        new Format("Doppler service account token", "dp.sa.", @"\bdp\.sa\.[A-Za-z0-9]{40,44}\b"),
        new Format("Doppler service account identity token", "dp.said.", @"\bdp\.said\.[A-Za-z0-9]{40,44}\b"),
        new Format("Doppler SCIM token", "dp.scim.", @"\bdp\.scim\.[A-Za-z0-9]{40,44}\b"),
        new Format("Doppler audit token", "dp.audit.", @"\bdp\.audit\.[A-Za-z0-9]{40,44}\b"),
        new Format("1Password service account token", "ops_eyJ", @"\bops_eyJ[A-Za-z0-9+/=_-]{100,}"),
        new Format("Okta API token", "SSWS ", @"\bSSWS (?<s>00[A-Za-z0-9_-]{40})\b"),

        // Cloud and hosting platforms
        new Format("DigitalOcean personal access token", "dop_v1_", @"\bdop_v1_[0-9a-f]{64}\b"),
        new Format("DigitalOcean OAuth token", "doo_v1_", @"\bdoo_v1_[0-9a-f]{64}\b"),
        new Format("DigitalOcean refresh token", "dor_v1_", @"\bdor_v1_[0-9a-f]{64}\b"),
        new Format("Heroku API key", "HRKU-", @"\bHRKU-[A-Za-z0-9_-]{40,}"),
        new Format("Netlify personal access token", "nfp_", @"\bnfp_[A-Za-z0-9]{36}\b"),
        new Format("Render API key", "rnd_", @"\brnd_[A-Za-z0-9]{32}\b", check: HasDigit),
        new Format("Cloudflare Origin CA key", "v1.0-", @"\bv1\.0-[0-9a-f]{24}-[0-9a-f]{146}\b"),
        new Format("Tailscale key", "tskey-", @"\btskey-[a-z]+-[A-Za-z0-9]{8,}-[A-Za-z0-9]{20,}"),
        new Format("Supabase personal access token", "sbp_", @"\bsbp_[0-9a-f]{40}\b"),
        new Format("Supabase secret key", "sb_secret_", @"\bsb_secret_[A-Za-z0-9_-]{20,}"),
        new Format("PlanetScale service token", "pscale_tkn_", @"\bpscale_tkn_[A-Za-z0-9_=.-]{32,64}"),
        new Format("PlanetScale database password", "pscale_pw_", @"\bpscale_pw_[A-Za-z0-9_=.-]{32,64}"),
        new Format("PlanetScale OAuth token", "pscale_oauth_", @"\bpscale_oauth_[A-Za-z0-9_=.-]{32,64}"),
        new Format("Neon API key", "napi_", @"\bnapi_[a-z0-9]{64}\b"),
        new Format("Databricks access token", "dapi", @"\bdapi[0-9a-f]{32}(?:-[0-9])?\b"),

        // Messaging, e-mail and chat
        new Format("SendGrid API key", "SG.", @"\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b"),
        new Format("Twilio API key", "SK", @"\bSK[0-9a-f]{32}\b"),
        new Format("Slack token", "xox", @"\bxox[abposre]-[0-9A-Za-z-]{10,}"),
        new Format("Slack token", "xapp-", @"\bxapp-[0-9]-[A-Z0-9]+-[0-9]+-[a-z0-9]{32,}"),
        new Format("Slack webhook", "hooks.slack.com/", @"hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]+/[A-Z0-9]+/[A-Za-z0-9]{20,}"),
        new Format("Microsoft Teams webhook", ".office.com/webhook", @"\.office\.com/webhookb2/[0-9a-f-]{36}@[0-9a-f-]{36}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36}"),
        new Format("Discord webhook", "/api/webhooks/", @"discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/(?<s>[A-Za-z0-9_-]{60,80})"),
        new Format("Discord bot token", "Bot ", @"\bBot (?<s>[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})\b"),
        new Format("Telegram bot token", ":AA", @"\b[0-9]{8,10}:AA[0-9A-Za-z_-]{33}(?![0-9A-Za-z_-])"),
        new Format("Zapier webhook", "hooks.zapier.com/hooks/catch/", @"hooks\.zapier\.com/hooks/catch/[0-9]+/[a-z0-9]{5,}"),
        new Format("Mailgun API key", "key-", @"\bkey-[0-9a-f]{32}\b"),
        new Format("Mailchimp API key", "-us", @"\b[0-9a-f]{32}-us[0-9]{1,2}\b"),
        new Format("Mandrill API key", "md-", @"\bmd-[A-Za-z0-9_]{22}\b", check: HasDigitAndUpper),
        new Format("Brevo API key", "xkeysib-", @"\bxkeysib-[0-9a-f]{64}-[A-Za-z0-9]{16}\b"),
        new Format("Brevo SMTP key", "xsmtpsib-", @"\bxsmtpsib-[0-9a-f]{64}-[A-Za-z0-9]{16}\b"),
        new Format("Postmark token", "X-Postmark-", @"X-Postmark-(?:Server|Account)-Token" + Assigned + @"(?<s>" + Uuid + ")", ignoreCase: true),
        new Format("Resend API key", "re_", @"\bre_[A-Za-z0-9]{8,}_[A-Za-z0-9]{16,}\b", check: HasDigitAndUpper),

        // Payments and commerce
        new Format("Stripe live key", "sk_live_", @"\bsk_live_[0-9A-Za-z]{16,}"),
        new Format("Stripe live key", "rk_live_", @"\brk_live_[0-9A-Za-z]{16,}"),
        new Format("Stripe webhook signing secret", "whsec_", @"\bwhsec_[A-Za-z0-9+/=]{32,}"),
        new Format("Square access token", "EAAA", @"\bEAAA[A-Za-z0-9_-]{60}\b"),
        new Format("Square access token", "sq0atp-", @"\bsq0atp-[A-Za-z0-9_-]{22}\b"),
        new Format("Square OAuth application secret", "sq0csp-", @"\bsq0csp-[A-Za-z0-9_-]{43}\b"),
        new Format("Braintree (PayPal) access token", "access_token$production$", @"\baccess_token\$production\$[a-z0-9]{16}\$[0-9a-f]{32}\b"),
        new Format("Shopify access token", "shpat_", @"\bshpat_[a-fA-F0-9]{32}\b"),
        new Format("Shopify custom app access token", "shpca_", @"\bshpca_[a-fA-F0-9]{32}\b"),
        new Format("Shopify private app password", "shppa_", @"\bshppa_[a-fA-F0-9]{32}\b"),
        new Format("Shopify shared secret", "shpss_", @"\bshpss_[a-fA-F0-9]{32}\b"),
        new Format("Flutterwave secret key", "FLWSECK-", @"\bFLWSECK-[0-9a-f]{32}-X\b"),
        new Format("Plaid access token", "access-production-", @"\baccess-production-" + Uuid + @"\b"),
        new Format("Mollie live API key", "live_", @"\blive_[A-Za-z0-9]{30}\b", check: HasDigitAndUpper),
        new Format("Paddle live API key", "pdl_live_apikey_", @"\bpdl_live_apikey_[A-Za-z0-9_]{40,}"),
        new Format("EasyPost production API key", "EZAK", @"\bEZAK[A-Za-z0-9]{54}\b"),
        new Format("Shippo live API token", "shippo_live_", @"\bshippo_live_[0-9a-f]{40}\b"),
        new Format("Duffel live access token", "duffel_live_", @"\bduffel_live_[A-Za-z0-9_-]{43}\b"),

        // AI APIs
        new Format("OpenAI API key", "T3BlbkFJ", @"\bsk-[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}"),
        new Format("OpenAI API key", "sk-proj-", @"\bsk-proj-[A-Za-z0-9_-]{80,}"),
        new Format("OpenAI service account key", "sk-svcacct-", @"\bsk-svcacct-[A-Za-z0-9_-]{80,}"),
        new Format("OpenAI admin key", "sk-admin-", @"\bsk-admin-[A-Za-z0-9_-]{80,}"),
        new Format("Anthropic API key", "sk-ant-", @"\bsk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,}"),
        new Format("OpenRouter API key", "sk-or-v1-", @"\bsk-or-v1-[0-9a-f]{64}\b"),
        new Format("DeepSeek API key", "sk-", @"\bsk-[0-9a-f]{32}\b", check: HasDigitAndLetter),
        new Format("ElevenLabs API key", "sk_", @"\bsk_[0-9a-f]{48}\b", check: HasDigitAndLetter),
        new Format("Hugging Face token", "hf_", @"\bhf_[A-Za-z]{34}\b", check: HasUpperAndLower),
        new Format("Hugging Face organization token", "api_org_", @"\bapi_org_[A-Za-z]{34}\b", check: HasUpperAndLower),
        new Format("Replicate API token", "r8_", @"\br8_[A-Za-z0-9]{37}\b"),
        new Format("Groq API key", "gsk_", @"\bgsk_[A-Za-z0-9]{52}\b"),
        new Format("Perplexity API key", "pplx-", @"\bpplx-[A-Za-z0-9]{48}\b"),
        new Format("xAI API key", "xai-", @"\bxai-[A-Za-z0-9]{80}\b"),
        new Format("LangSmith API key", "lsv2_", @"\blsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10}\b"),
        new Format("Pinecone API key", "pcsk_", @"\bpcsk_[A-Za-z0-9]{5,}_[A-Za-z0-9]{40,}\b"),
        new Format("Tavily API key", "tvly-", @"\btvly-(?:dev-|prod-)?[A-Za-z0-9]{32}\b"),
        new Format("Fireworks AI API key", "fw_", @"\bfw_[A-Za-z0-9]{24}\b", check: HasDigitAndUpper),

        // Observability
        new Format("Sentry token", "sntry", @"\bsntry[su]_[A-Za-z0-9+/=_-]{40,}"),
        new Format("New Relic API key", "NRAK-", @"\bNRAK-[A-Z0-9]{27}\b"),
        new Format("New Relic license key", "NRAL", @"\b[0-9a-f]{36}NRAL\b"),
        new Format("New Relic Insights insert key", "NRII-", @"\bNRII-[A-Za-z0-9_-]{32}\b"),
        new Format("New Relic Insights query key", "NRIQ-", @"\bNRIQ-[A-Za-z0-9_-]{32}\b"),
        new Format("New Relic REST API key", "NRRA-", @"\bNRRA-[0-9a-f]{42}\b"),
        new Format("Grafana token", "glsa_", @"\bglsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}\b"),
        new Format("Grafana token", "glc_", @"\bglc_[A-Za-z0-9+/]{32,}={0,2}"),
        new Format("Grafana API key", "eyJrIjoi", @"\beyJrIjoi[A-Za-z0-9_=-]{50,}"),
        new Format("Dynatrace token", "dt0", @"\bdt0[a-z][0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64}\b"),
        new Format("Honeycomb ingest key", "hcaik_", @"\bhcaik_[a-z0-9]{50,}\b"),
        new Format("Splunk HTTP Event Collector token", "Splunk ", @"\bSplunk (?<s>" + Uuid + @")\b", ignoreCase: true),
        new Format("Opsgenie API key", "GenieKey ", @"\bGenieKey (?<s>" + Uuid + @")\b"),
        new Format("Seq API key", "X-Seq-ApiKey", @"X-Seq-ApiKey" + Assigned + @"(?<s>[A-Za-z0-9]{20})\b", ignoreCase: true),
        new Format("Elasticsearch API key", "ApiKey ", @"\bApiKey (?<s>[A-Za-z0-9+/]{40,}={0,2})", check: IsBase64OfUserAndPassword),
        new Format("Datadog API key", "key", @"\b(?:dd|datadog)[_-]?(?:api|app|application)[_-]?key[""']?\s*[:=]\s*[""']?(?<s>[a-f0-9]{32}(?:[a-f0-9]{8})?)\b", ignoreCase: true, alsoPresent: "dd"),

        // SaaS tools
        new Format("Notion integration secret", "secret_", @"\bsecret_[A-Za-z0-9]{43}\b", check: HasDigitAndUpper),
        new Format("Notion integration secret", "ntn_", @"\bntn_[A-Za-z0-9]{46}\b"),
        new Format("Figma personal access token", "figd_", @"\bfigd_[A-Za-z0-9_-]{40,}"),
        new Format("Airtable personal access token", "pat", @"\bpat[A-Za-z0-9]{14}\.[0-9a-f]{64}\b"),
        new Format("Mapbox secret token", "sk.eyJ", @"\bsk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}"),
        new Format("Contentful personal access token", "CFPAT-", @"\bCFPAT-[A-Za-z0-9_-]{43}\b"),
        new Format("HubSpot private app token", "pat-", @"\bpat-(?:na|eu|ap)[0-9]-" + Uuid + @"\b"),
        new Format("Salesforce access token", "00D", @"\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{80,}"),
        new Format("Dropbox access token", "sl.", @"\bsl\.(?:u\.)?[A-Za-z0-9_-]{130,}"),
        new Format("Typeform personal access token", "tfp_", @"\btfp_[A-Za-z0-9_-]{40,}"),
        new Format("Frame.io developer token", "fio-u-", @"\bfio-u-[A-Za-z0-9_=-]{64}\b"),
        new Format("ReadMe API key", "rdme_", @"\brdme_[a-z0-9]{70}\b"),
        new Format("Prefect API key", "pnu_", @"\bpnu_[A-Za-z0-9]{36}\b"),
        new Format("Linear API key", "lin_api_", @"\blin_api_[A-Za-z0-9]{40}\b"),
        new Format("Postman API key", "PMAK-", @"\bPMAK-[0-9a-f]{24}-[0-9a-f]{34}\b"),
        new Format("LaunchDarkly SDK key", "sdk-", @"\bsdk-" + Uuid + @"\b"),
        // Not inside a longer base64 run: 21 A's are also what a block of zero bytes encodes to.
        new Format("X (Twitter) bearer token", "AAAAAAAAAAAAAAAAAAAAA", @"(?<![A-Za-z0-9+/=%])A{21}[A-Za-z0-9%]{30,160}(?![A-Za-z0-9+/=%])", check: HasDigitAndLetter),
        new Format("Meta (Facebook) access token", "EAA", @"(?<![A-Za-z0-9+/=])EAA[A-Za-z0-9]{100,300}(?![A-Za-z0-9+/=])", check: HasDigitAndLetter),

        // Keys
        new Format("age secret key", "AGE-SECRET-KEY-1", @"\bAGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}\b"),
        new Format("PuTTY private key", "PuTTY-User-Key-File-", @"PuTTY-User-Key-File-[23]:[\s\S]{0,2000}?Private-Lines: ?[0-9]+(?:\s|\\[rn])+(?<s>[A-Za-z0-9+/=]{40,})"),
        new Format("private key (base64 of PEM)", "LS0tLS1CRUdJTi", @"\bLS0tLS1CRUdJTi[A-Za-z0-9+/]{100,}={0,2}", check: IsBase64OfPemPrivateKey),
        // A header alone ("-----BEGIN FAKE RSA PRIVATE KEY-----" in a generator, a StartsWith check) is not a key: the body is.
        new Format("private key", "-----BEGIN", @"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----(?:\s|\\[rn])*[A-Za-z0-9+/=]{16,}"),
        new Format("private key (JSON Web Key)", "\"kty\"", @"""kty""\s*:\s*""(?:RSA|EC|OKP)""[^{}]*?""d""\s*:\s*""(?<s>[A-Za-z0-9_-]{20,})""|""d""\s*:\s*""(?<s>[A-Za-z0-9_-]{20,})""[^{}]*?""kty""\s*:\s*""(?:RSA|EC|OKP)"""),
        JsonWebToken,
    };

    private static readonly Format[] TestModeFormats =
    {
        new Format("Stripe test key", "sk_test_", @"\bsk_test_[0-9A-Za-z]{8,}"),
        new Format("Stripe test key", "pk_test_", @"\bpk_test_[0-9A-Za-z]{8,}"),
        new Format("Stripe test key", "rk_test_", @"\brk_test_[0-9A-Za-z]{8,}"),
        new Format("Braintree sandbox access token", "access_token$sandbox$", @"\baccess_token\$sandbox\$[a-z0-9]{16}\$[0-9a-f]{32}\b"),
        new Format("Plaid sandbox access token", "access-sandbox-", @"\baccess-sandbox-" + Uuid + @"\b"),
        new Format("Flutterwave test key", "FLWSECK_TEST-", @"\bFLWSECK_TEST-[0-9a-f]{32}-X\b"),
        new Format("Mollie test API key", "test_", @"\btest_[A-Za-z0-9]{30}\b", check: HasDigitAndUpper),
        new Format("Paddle sandbox API key", "pdl_sdbx_apikey_", @"\bpdl_sdbx_apikey_[A-Za-z0-9_]{40,}"),
        new Format("EasyPost test API key", "EZTK", @"\bEZTK[A-Za-z0-9]{54}\b"),
        new Format("Shippo test API token", "shippo_test_", @"\bshippo_test_[0-9a-f]{40}\b"),
        new Format("Duffel test access token", "duffel_test_", @"\bduffel_test_[A-Za-z0-9_-]{43}\b"),
    };

    // Published by Microsoft for the local emulators, identical on every machine: not secrets by design.
    // Kept in pieces so that secret scanners do not flag this file.
    private static readonly string[] PublishedEmulatorKeys =
    {
        "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nD" + "uVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==", // Cosmos DB emulator
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6" + "IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==", // Azurite, devstoreaccount1
    };

    private const string Base62Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly uint[] Crc32Table = BuildCrc32Table();

    private static readonly PrefixIndex LivePrefixes = new PrefixIndex(LiveFormats);

    private static readonly PrefixIndex TestModePrefixes = new PrefixIndex(TestModeFormats);

    /// <summary>The first live credential format in <paramref name="text"/>, if any.</summary>
    [MethodImpl(HotPath.Options)]
    public static TokenMatch? FindLiveCredential(string? text) => Find(text, LiveFormats, LivePrefixes, 16);

    /// <summary>The first test-mode key (<c>sk_test_…</c>) in <paramref name="text"/>, if any.</summary>
    public static TokenMatch? FindTestModeKey(string? text) => Find(text, TestModeFormats, TestModePrefixes, 12);

    /// <summary>Every live format as (kind, prefix), in the order they are tried: for tests and documentation.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> LiveFormatList => LiveFormats.Select(f => new KeyValuePair<string, string>(f.Kind, f.Prefix)).ToArray();

    /// <summary>Every test-mode format as (kind, prefix).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> TestModeFormatList => TestModeFormats.Select(f => new KeyValuePair<string, string>(f.Kind, f.Prefix)).ToArray();

    /// <summary>
    /// True for keys that are published for local emulators (the Cosmos DB emulator key, Azurite's
    /// <c>devstoreaccount1</c> key): the same on every machine, so not a secret.
    /// </summary>
    public static bool IsPublishedEmulatorKey(string value)
    {
        foreach (var key in PublishedEmulatorKeys)
        {
            if (value.IndexOf(key, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// GitHub's and npm's token checksum: the last six characters are the CRC32 of the characters between the prefix
    /// (up to the underscore) and them, in base62 (0-9, A-Z, a-z), padded with zeros.
    /// </summary>
    internal static bool HasBase62Checksum(string token)
    {
        var body = token.IndexOf('_') + 1;
        if (body <= 0 || token.Length - body <= 6)
        {
            return false;
        }

        var crc = 0xFFFFFFFFu;
        for (var i = body; i < token.Length - 6; i++)
        {
            crc = Crc32Table[(crc ^ token[i]) & 0xFF] ^ (crc >> 8);
        }

        crc ^= 0xFFFFFFFFu;
        var expected = token.Length - 1;
        for (var digit = 0; digit < 6; digit++, expected--, crc /= 62)
        {
            if (token[expected] != Base62Digits[(int)(crc % 62)])
            {
                return false;
            }
        }

        return true;
    }

    private static uint[] BuildCrc32Table()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    [MethodImpl(HotPath.Options)]
    private static TokenMatch? Find(string? text, Format[] formats, PrefixIndex prefixes, int minimumLength)
    {
        if (text is null || text.Length < minimumLength)
        {
            return null;
        }

        var present = prefixes.PrefixesIn(text);
        if (present is null)
        {
            return null;
        }

        for (var i = 0; i < formats.Length; i++)
        {
            var format = formats[i];
            var comparison = format.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if ((present[i >> 6] & (1UL << (i & 63))) == 0 || (format.AlsoPresent is not null && text.IndexOf(format.AlsoPresent, comparison) < 0))
            {
                continue;
            }

            try
            {
                for (var match = format.Pattern.Match(text); match.Success; match = match.NextMatch())
                {
                    var secret = match.Groups["s"];
                    var found = secret.Success ? (Capture)secret : match;
                    var value = found.Value;
                    if ((format.Check is not null && !format.Check(value)) || IsPublishedEmulatorKey(value))
                    {
                        continue;
                    }

                    return new TokenMatch(format.Kind, found.Index, found.Length, format.Prefix, ReferenceEquals(format, JsonWebToken));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Pathological input: not a credential we can vouch for.
            }
        }

        return null;
    }

    private static bool HasUpperAndLower(string value)
    {
        bool upper = false, lower = false;
        foreach (var c in value)
        {
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }

        return upper && lower;
    }

    // A random body of letters and digits has a digit (all but certainly, at these lengths); words and identifiers
    // (API-VERSION-HEADER-NAME-FOR-CLIENTS, SCWTOPICNAMESCONSTANTS) do not.
    private static bool HasDigit(string value)
    {
        foreach (var c in value)
        {
            if (c >= '0' && c <= '9')
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasDigitAndLetter(string value)
    {
        var letter = false;
        foreach (var c in value.Substring(3))
        {
            letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        return letter && HasDigit(value.Substring(3));
    }

    // For short common prefixes (live_, test_, re_, secret_, fw_): a snake_case name has neither digits nor capitals.
    private static bool HasDigitAndUpper(string value)
    {
        var upper = false;
        foreach (var c in value)
        {
            upper |= c >= 'A' && c <= 'Z';
        }

        return upper && HasDigit(value);
    }

    private static byte[]? FromBase64(string value)
    {
        var usable = value.TrimEnd('=');
        usable = usable.Substring(0, usable.Length - (usable.Length % 4));
        try
        {
            return Convert.FromBase64String(usable);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // Docker's "auth" and Elasticsearch's ApiKey header are base64 of "user:password" (or "id:key").
    private static bool IsBase64OfUserAndPassword(string value)
    {
        var bytes = FromBase64(value.Length % 4 == 0 ? value : value.TrimEnd('='));
        if (bytes is null || bytes.Length < 5)
        {
            return false;
        }

        var colon = Array.IndexOf(bytes, (byte)':');
        if (colon <= 0 || colon >= bytes.Length - 3)
        {
            return false;
        }

        foreach (var b in bytes)
        {
            if (b < 0x20 || b > 0x7E)
            {
                return false;
            }
        }

        return true;
    }

    // Base64 of a PEM private key (Kubernetes' client-key-data, a key kept in an environment variable): the decoded
    // text is a private key header followed by a body, not a certificate or a public key.
    private static bool IsBase64OfPemPrivateKey(string value)
    {
        var bytes = FromBase64(value);
        if (bytes is null)
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(bytes);
        var header = text.IndexOf("PRIVATE KEY-----", StringComparison.Ordinal);
        return header > 0 && text.Length - header > 40;
    }
}
