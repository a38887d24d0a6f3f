using System;
using System.Text.RegularExpressions;

namespace ProductionReady.Detection;

/// <summary>A well-known credential format found in a string.</summary>
internal readonly struct TokenMatch
{
    public TokenMatch(string kind, int start, int length)
    {
        Kind = kind;
        Start = start;
        Length = length;
    }

    /// <summary>What it is, for messages: "AWS access key", "GitHub token", …</summary>
    public string Kind { get; }

    public int Start { get; }

    public int Length { get; }
}

/// <summary>
/// Well-known credential formats that are secrets wherever they appear, each in its public shape: AWS, Azure
/// (Entra ID client secrets, storage and shared access keys, SAS signatures, App Configuration, DevOps PATs,
/// Container Registry), GitHub, GitLab, NuGet, npm, PyPI, SendGrid, Twilio, Slack, Teams, Mailgun, Stripe,
/// Google, OpenAI, Anthropic, Hugging Face, Sentry, New Relic, Grafana, HashiCorp Vault, Datadog, PEM and
/// JSON Web Key private keys, JWTs; and the test-mode keys that must not reach Production.
/// </summary>
/// <remarks>
/// Shared source: compiled into the runtime library and into the analyzers (netstandard2.0).
/// A cheap prefix scan runs before any regular expression, because the analyzer calls this for
/// every string literal in a compilation.
/// </remarks>
internal static class TokenFormats
{
    private sealed class Format
    {
        private readonly string _pattern;
        private readonly RegexOptions _options;
        private Regex? _regex;

        public Format(string kind, string prefix, string pattern, bool ignoreCase = false, bool mixedCase = false, string? alsoPresent = null)
        {
            Kind = kind;
            Prefix = prefix;
            AlsoPresent = alsoPresent;
            _pattern = pattern;
            IgnoreCase = ignoreCase;
            MixedCase = mixedCase;
            _options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        }

        public string Kind { get; }

        /// <summary>A literal piece every match contains: the cheap test that runs before the regular expression.</summary>
        public string Prefix { get; }

        /// <summary>A second piece every match contains, for formats whose prefix alone is common.</summary>
        public string? AlsoPresent { get; }

        public bool IgnoreCase { get; }

        /// <summary>Letters-only formats (Hugging Face): a real token has upper and lower case; a word does not.</summary>
        public bool MixedCase { get; }

        // Built on first use: most formats never see their prefix, and building all of them up front
        // is most of the cost of the first call (at app startup, or per analyzer load).
        public Regex Pattern => _regex ??= new Regex(_pattern, _options, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>
    /// Which formats' prefixes occur in a text, found in one pass over it. One IndexOf per format and literal was the
    /// largest single cost of PRD001 on real code (about 45 searches per literal); the formats are still tried in order.
    /// </summary>
    private sealed class PrefixIndex
    {
        private readonly Format[] _formats;

        // Bit i set at [c]: format i's prefix starts with the ASCII character c (both cases for case-insensitive ones).
        private readonly ulong[] _byFirstCharacter = new ulong[128];

        public PrefixIndex(Format[] formats)
        {
            if (formats.Length > 64)
            {
                throw new ArgumentException("At most 64 formats fit the prefix index.", nameof(formats));
            }

            _formats = formats;
            for (var i = 0; i < formats.Length; i++)
            {
                var first = formats[i].Prefix[0];
                _byFirstCharacter[first] |= 1UL << i;
                if (formats[i].IgnoreCase)
                {
                    _byFirstCharacter[char.ToUpperInvariant(first)] |= 1UL << i;
                    _byFirstCharacter[char.ToLowerInvariant(first)] |= 1UL << i;
                }
            }
        }

        public ulong PrefixesIn(string text)
        {
            ulong found = 0;
            for (var position = 0; position < text.Length; position++)
            {
                var c = text[position];
                if (c >= 128)
                {
                    continue;
                }

                var candidates = _byFirstCharacter[c] & ~found;
                for (var i = 0; candidates != 0; i++, candidates >>= 1)
                {
                    if ((candidates & 1) != 0)
                    {
                        var format = _formats[i];
                        var comparison = format.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                        if (position + format.Prefix.Length <= text.Length && string.Compare(text, position, format.Prefix, 0, format.Prefix.Length, comparison) == 0)
                        {
                            found |= 1UL << i;
                        }
                    }
                }
            }

            return found;
        }
    }

    // Base64 of 64 bytes (storage and Cosmos DB keys) and of 32 bytes (SAS keys, App Configuration secrets).
    private const string Base64Of64 = @"[A-Za-z0-9+/]{86}==";
    private const string Base64Of32 = @"[A-Za-z0-9+/]{43}=";

    // Each format: its public shape, and a literal prefix or keyword every match contains. A group named "s"
    // is the secret inside a longer match (AccountKey=…, sig=…, "d":"…"); without it the whole match is.
    private static readonly Format[] LiveFormats =
    {
        // AWS
        new Format("AWS access key", "AKIA", @"\bAKIA[0-9A-Z]{16}\b"),
        new Format("AWS access key", "ASIA", @"\bASIA[0-9A-Z]{16}\b"),
        new Format("AWS secret access key", "secret_access_key", @"aws_?secret_?access_?key[""']?\s*[:=]\s*[""']?(?<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])", ignoreCase: true),

        // Azure
        new Format("Microsoft Entra ID client secret", "Q~", @"(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])"),
        new Format("Azure storage account key", "AccountKey=", @"AccountKey=(?<s>" + Base64Of64 + ")", ignoreCase: true),
        new Format("Azure shared access key", "SharedAccessKey=", @"SharedAccessKey=(?<s>" + Base64Of32 + ")", ignoreCase: true),
        new Format("Azure SAS signature", "sig=", @"[?&]sv=[^&\s]+.*?[?&]sig=(?<s>(?:[A-Za-z0-9+/]|%2[BbFf]){40,}(?:=|%3[Dd])?)|[?&]sig=(?<s>(?:[A-Za-z0-9+/]|%2[BbFf]){40,}(?:=|%3[Dd])?)(?=.*?[?&]sv=)"),
        new Format("Azure App Configuration secret", ".azconfig.io", @"\.azconfig\.io[^;]*;Id=[^;]+;Secret=(?<s>[A-Za-z0-9+/]{40,}={0,2})", ignoreCase: true),
        new Format("Azure DevOps personal access token", "AZDO", @"\b[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}\b"),
        new Format("Azure Container Registry password", "+ACR", @"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{42}\+ACR[A-Za-z0-9]{6}(?![A-Za-z0-9+/])"),

        // Source control and package registries
        new Format("GitHub token", "ghp_", @"\bghp_[A-Za-z0-9]{36}\b"),
        new Format("GitHub token", "gho_", @"\bgho_[A-Za-z0-9]{36}\b"),
        new Format("GitHub token", "ghu_", @"\bghu_[A-Za-z0-9]{36}\b"),
        new Format("GitHub token", "ghs_", @"\bghs_[A-Za-z0-9]{36}\b"),
        new Format("GitHub token", "ghr_", @"\bghr_[A-Za-z0-9]{36}\b"),
        new Format("GitHub token", "github_pat_", @"\bgithub_pat_[A-Za-z0-9_]{60,}\b"),
        new Format("GitLab token", "glpat-", @"\bglpat-[A-Za-z0-9_-]{20,}"),
        new Format("NuGet API key", "oy2", @"\boy2[a-z0-9]{43}\b"),
        new Format("npm token", "npm_", @"\bnpm_[A-Za-z0-9]{36}\b"),
        new Format("npm token", "_authToken=", @"_authToken=(?<s>[A-Za-z0-9._~+/=-]{20,})"),
        new Format("PyPI token", "pypi-AgEIcHlwaS5vcmc", @"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}"),

        // Messaging and notifications
        new Format("SendGrid API key", "SG.", @"\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b"),
        new Format("Twilio API key", "SK", @"\bSK[0-9a-f]{32}\b"),
        new Format("Slack token", "xox", @"\bxox[abposre]-[0-9A-Za-z-]{10,}"),
        new Format("Slack token", "xapp-", @"\bxapp-[0-9]-[A-Z0-9]+-[0-9]+-[a-z0-9]{32,}"),
        new Format("Slack webhook", "hooks.slack.com/", @"hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]+/[A-Z0-9]+/[A-Za-z0-9]{20,}"),
        new Format("Microsoft Teams webhook", ".office.com/webhook", @"\.office\.com/webhookb2/[0-9a-f-]{36}@[0-9a-f-]{36}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36}"),
        new Format("Mailgun API key", "key-", @"\bkey-[0-9a-f]{32}\b"),

        // Payments, AI, Google
        new Format("Stripe live key", "sk_live_", @"\bsk_live_[0-9A-Za-z]{16,}"),
        new Format("Stripe live key", "rk_live_", @"\brk_live_[0-9A-Za-z]{16,}"),
        new Format("Google API key", "AIza", @"\bAIza[0-9A-Za-z_\-]{35}"),
        new Format("Google OAuth client secret", "GOCSPX-", @"\bGOCSPX-[A-Za-z0-9_-]{28}"),
        new Format("OpenAI API key", "T3BlbkFJ", @"\bsk-[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}"),
        new Format("OpenAI API key", "sk-proj-", @"\bsk-proj-[A-Za-z0-9_-]{80,}"),
        new Format("Anthropic API key", "sk-ant-", @"\bsk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,}"),
        new Format("Hugging Face token", "hf_", @"\bhf_[A-Za-z]{34}\b", mixedCase: true),

        // Observability and infrastructure
        new Format("Sentry token", "sntry", @"\bsntry[su]_[A-Za-z0-9+/=_-]{40,}"),
        new Format("New Relic API key", "NRAK-", @"\bNRAK-[A-Z0-9]{27}\b"),
        new Format("New Relic license key", "NRAL", @"\b[0-9a-f]{36}NRAL\b"),
        new Format("Grafana token", "glsa_", @"\bglsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}\b"),
        new Format("Grafana token", "glc_", @"\bglc_[A-Za-z0-9+/]{32,}={0,2}"),
        new Format("HashiCorp Vault token", "hvs.", @"\bhvs\.[A-Za-z0-9_-]{90,}"),
        new Format("HashiCorp Vault token", "hvb.", @"\bhvb\.[A-Za-z0-9_-]{90,}"),
        new Format("Datadog API key", "key", @"\b(?:dd|datadog)[_-]?(?:api|app|application)[_-]?key[""']?\s*[:=]\s*[""']?(?<s>[a-f0-9]{32}(?:[a-f0-9]{8})?)\b", ignoreCase: true, alsoPresent: "dd"),

        // Keys
        // A header alone ("-----BEGIN FAKE RSA PRIVATE KEY-----" in a generator, a StartsWith check) is not a key: the body is.
        new Format("private key", "-----BEGIN", @"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----(?:\s|\[rn])*[A-Za-z0-9+/=]{16,}"),
        new Format("private key (JSON Web Key)", "\"kty\"", @"""kty""\s*:\s*""(?:RSA|EC|OKP)""[^{}]*?""d""\s*:\s*""(?<s>[A-Za-z0-9_-]{20,})""|""d""\s*:\s*""(?<s>[A-Za-z0-9_-]{20,})""[^{}]*?""kty""\s*:\s*""(?:RSA|EC|OKP)"""),
        new Format("JSON Web Token", "eyJ", @"\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"),
    };

    private static readonly Format[] TestModeFormats =
    {
        new Format("Stripe test key", "sk_test_", @"\bsk_test_[0-9A-Za-z]{8,}"),
        new Format("Stripe test key", "pk_test_", @"\bpk_test_[0-9A-Za-z]{8,}"),
        new Format("Stripe test key", "rk_test_", @"\brk_test_[0-9A-Za-z]{8,}"),
    };

    // Published by Microsoft for the local emulators, identical on every machine: not secrets by design.
    // Kept in pieces so that secret scanners do not flag this file.
    private static readonly string[] PublishedEmulatorKeys =
    {
        "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nD" + "uVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==", // Cosmos DB emulator
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6" + "IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==", // Azurite, devstoreaccount1
    };

    private static readonly PrefixIndex LivePrefixes = new PrefixIndex(LiveFormats);

    private static readonly PrefixIndex TestModePrefixes = new PrefixIndex(TestModeFormats);

    /// <summary>The first live credential format in <paramref name="text"/>, if any.</summary>
    public static TokenMatch? FindLiveCredential(string? text) => Find(text, LiveFormats, LivePrefixes, 16);

    /// <summary>The first test-mode key (<c>sk_test_…</c>) in <paramref name="text"/>, if any.</summary>
    public static TokenMatch? FindTestModeKey(string? text) => Find(text, TestModeFormats, TestModePrefixes, 12);

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

    private static TokenMatch? Find(string? text, Format[] formats, PrefixIndex prefixes, int minimumLength)
    {
        if (text is null || text.Length < minimumLength)
        {
            return null;
        }

        var present = prefixes.PrefixesIn(text);
        for (var i = 0; present != 0; i++, present >>= 1)
        {
            var format = formats[i];
            var comparison = format.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if ((present & 1) == 0 || (format.AlsoPresent is not null && text.IndexOf(format.AlsoPresent, comparison) < 0))
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
                    if ((format.MixedCase && !HasUpperAndLower(value)) || IsPublishedEmulatorKey(value))
                    {
                        continue;
                    }

                    return new TokenMatch(format.Kind, found.Index, found.Length);
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
}
