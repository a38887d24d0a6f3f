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
/// Well-known credential formats that are secrets wherever they appear: AWS access keys, GitHub,
/// Slack and Stripe live keys, Google API keys, PEM private keys, JWTs; and the test-mode keys that
/// must not reach Production.
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
        private Regex? _regex;

        public Format(string kind, string prefix, string pattern)
        {
            Kind = kind;
            Prefix = prefix;
            _pattern = pattern;
        }

        public string Kind { get; }

        public string Prefix { get; }

        // Built on first use: most formats never see their prefix, and building all of them up front
        // is most of the cost of the first call (at app startup, or per analyzer load).
        public Regex Pattern => _regex ??= new Regex(_pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    private static readonly Format[] LiveFormats =
    {
        new Format("AWS access key", "AKIA", @"\bAKIA[0-9A-Z]{16}\b"),
        new Format("AWS access key", "ASIA", @"\bASIA[0-9A-Z]{16}\b"),
        new Format("GitHub token", "ghp_", @"\bghp_[A-Za-z0-9]{36}\b"),
        new Format("GitHub token", "gho_", @"\bgho_[A-Za-z0-9]{36}\b"),
        new Format("GitHub token", "ghu_", @"\bghu_[A-Za-z0-9]{36}\b"),
        new Format("GitHub token", "ghs_", @"\bghs_[A-Za-z0-9]{36}\b"),
        new Format("GitHub token", "ghr_", @"\bghr_[A-Za-z0-9]{36}\b"),
        new Format("GitHub token", "github_pat_", @"\bgithub_pat_[A-Za-z0-9_]{60,}\b"),
        new Format("Slack token", "xox", @"\bxox[abposr]-[0-9A-Za-z-]{10,}"),
        new Format("Stripe live key", "sk_live_", @"\bsk_live_[0-9A-Za-z]{16,}"),
        new Format("Stripe live key", "rk_live_", @"\brk_live_[0-9A-Za-z]{16,}"),
        new Format("Google API key", "AIza", @"\bAIza[0-9A-Za-z_\-]{35}"),
        new Format("private key", "-----BEGIN", @"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"),
        new Format("JSON Web Token", "eyJ", @"\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"),
    };

    private static readonly Format[] TestModeFormats =
    {
        new Format("Stripe test key", "sk_test_", @"\bsk_test_[0-9A-Za-z]{8,}"),
        new Format("Stripe test key", "pk_test_", @"\bpk_test_[0-9A-Za-z]{8,}"),
        new Format("Stripe test key", "rk_test_", @"\brk_test_[0-9A-Za-z]{8,}"),
    };

    /// <summary>The first live credential format in <paramref name="text"/>, if any.</summary>
    public static TokenMatch? FindLiveCredential(string? text) => Find(text, LiveFormats, 16);

    /// <summary>The first test-mode key (<c>sk_test_…</c>) in <paramref name="text"/>, if any.</summary>
    public static TokenMatch? FindTestModeKey(string? text) => Find(text, TestModeFormats, 12);

    private static TokenMatch? Find(string? text, Format[] formats, int minimumLength)
    {
        if (text is null || text.Length < minimumLength)
        {
            return null;
        }

        foreach (var format in formats)
        {
            if (text.IndexOf(format.Prefix, StringComparison.Ordinal) < 0)
            {
                continue;
            }

            try
            {
                var match = format.Pattern.Match(text);
                if (match.Success)
                {
                    return new TokenMatch(format.Kind, match.Index, match.Length);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Pathological input: not a credential we can vouch for.
            }
        }

        return null;
    }
}
