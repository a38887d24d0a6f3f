using ProductionReady.Detection;

namespace ProductionReady.Secrets;

/// <summary>
/// One pass over every configuration value: secrets found by key name, passwords inside connection
/// strings and <c>user:pass@</c> URIs, and (where <c>productionRules</c> is on) test-mode keys,
/// <c>http://</c> authorities and debug switches. No options class needed.
/// </summary>
internal static class ConfigurationSecretScanner
{
    // The last segment of the key, separators removed, lower-cased, ends with one of these: a URL that
    // carries tokens or redirects.
    private static readonly string[] SecureUrlSuffixes =
    {
        "authority", "authorities", "issuer", "issuers", "callback", "callbackurl", "callbackuri", "callbackurls",
        "redirecturi", "redirecturl", "redirecturis", "metadataaddress", "jwksuri", "postlogoutredirecturi", "signedoutredirecturi",
    };

    // The last segment of the key, separators removed, lower-cased, is one of these: on when truthy.
    private static readonly HashSet<string> DebugSwitches = new(StringComparer.Ordinal)
    {
        "detailederrors", "enabledetailederrors", "enablesensitivedatalogging", "showpii", "includeexceptiondetails",
        "includeerrordetail", "includeerrordetails", "debug", "debugmode", "developermode", "usedeveloperexceptionpage",
    };

    // Keys whose names look like secrets but are not: the shell's working directories (PWD, OLDPWD),
    // which reach configuration through the environment-variables provider.
    private static readonly HashSet<string> NotSecrets = new(StringComparer.OrdinalIgnoreCase) { "PWD", "OLDPWD" };

    /// <summary>Scans <paramref name="configuration"/>; <paramref name="onSecret"/> sees every secret value found.</summary>
    public static void Scan(IConfiguration configuration, bool productionRules, List<SecretProblem> problems, Action<string>? onSecret = null)
    {
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (string.IsNullOrEmpty(value) || key.StartsWith(ProductionReadySecretsOptions.SectionName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (productionRules)
            {
                CheckProductionRules(key, value, problems);
            }

            CheckSecret(key, value, problems, onSecret);
        }
    }

    /// <summary>
    /// A connection-string / URI password, or a value whose key names a secret; judged when
    /// <paramref name="problems"/> is given, only reported to <paramref name="onSecret"/> otherwise.
    /// </summary>
    public static void CheckSecret(string key, string value, List<SecretProblem>? problems, Action<string>? onSecret)
    {
        if (NotSecrets.Contains(key))
        {
            return;
        }

        var credential = CredentialLocator.FindPassword(value);
        if (credential is { } found)
        {
            var password = found.ValueIn(value);
            onSecret?.Invoke(password);
            if (!CredentialLocator.LooksLikeConnectionString(value) && password.Contains('%', StringComparison.Ordinal))
            {
                // URI user info is percent-encoded: judge (and mask) the password itself too.
                password = Uri.UnescapeDataString(password);
                onSecret?.Invoke(password);
            }
            if (problems is not null)
            {
                Add(problems, SecretValueRules.Evaluate(key, password, SecretRequirement.For(SecretKind.Password), found.UserName, connectionString: true));
            }

            return;
        }

        var name = NameOf(key);
        if (!SecretNames.IsSecretName(name) || IsSwitchValue(value) || CredentialLocator.LooksLikeConnectionString(value)
            || SecretNames.LastSegment(name).Contains("connectionstring", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        onSecret?.Invoke(value);
        if (problems is not null)
        {
            Add(problems, SecretValueRules.Evaluate(key, value, SecretRequirement.InferFromName(name)));
        }
    }

    private static void CheckProductionRules(string key, string value, List<SecretProblem> problems)
    {
        if (TokenFormats.FindTestModeKey(value) is { } testKey)
        {
            problems.Add(new SecretProblem(
                key,
                SecretRule.TestModeKey,
                $"The value is {(StartsWithVowel(testKey.Kind) ? "an" : "a")} {testKey.Kind} (test mode), which does not belong in this environment.",
                SecretHints.For(SecretRule.TestModeKey, key, SecretKind.ApiSecret, 0, connectionString: false),
                value.Length,
                SecretFingerprint.Of(value)));
        }

        var name = string.Concat(SecretNames.SplitWords(SecretNames.LastSegment(NameOf(key))));
        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && SecureUrlSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)))
        {
            problems.Add(new SecretProblem(key, SecretRule.InsecureUrl, "The URL uses plain http://.", SecretHints.For(SecretRule.InsecureUrl, key, SecretKind.Key, 0, false)));
        }
        else if (name == "requirehttpsmetadata" && IsFalse(value))
        {
            problems.Add(new SecretProblem(key, SecretRule.InsecureUrl, "HTTPS is switched off for the identity provider's metadata.", SecretHints.For(SecretRule.InsecureUrl, key, SecretKind.Key, 0, false)));
        }
        else if (DebugSwitches.Contains(name) && IsTrue(value))
        {
            problems.Add(new SecretProblem(key, SecretRule.DebugSwitch, "A debug switch (detailed errors, sensitive-data logging, PII in logs) is on.", SecretHints.For(SecretRule.DebugSwitch, key, SecretKind.Key, 0, false)));
        }
    }

    // "an EasyPost test API key", "a Stripe test key": the kind is a service's name.
    private static bool StartsWithVowel(string kind) => kind.Length > 0 && "AEIOUaeiou".Contains(kind[0], StringComparison.Ordinal);

    /// <summary>
    /// The key that names the value: array indexes dropped, so that <c>Jwt:SigningKeys:0</c> is judged
    /// as <c>Jwt:SigningKeys</c> and <c>ValidIssuers:1</c> as <c>ValidIssuers</c>.
    /// </summary>
    public static string NameOf(string key)
    {
        var end = key.Length;
        while (end > 0)
        {
            var colon = key.LastIndexOf(':', end - 1);
            if (colon < 0 || colon == end - 1 || key.AsSpan(colon + 1, end - colon - 1).ContainsAnyExceptInRange('0', '9'))
            {
                break;
            }

            end = colon;
        }

        return end == key.Length ? key : key[..end];
    }

    private static void Add(List<SecretProblem> problems, SecretProblem? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }

    private static bool IsSwitchValue(string value) => IsTrue(value) || IsFalse(value);

    private static bool IsTrue(string value) =>
        value.Trim() is var v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1"
            || v.Equals("yes", StringComparison.OrdinalIgnoreCase) || v.Equals("on", StringComparison.OrdinalIgnoreCase));

    private static bool IsFalse(string value) =>
        value.Trim() is var v && (v.Equals("false", StringComparison.OrdinalIgnoreCase) || v == "0"
            || v.Equals("no", StringComparison.OrdinalIgnoreCase) || v.Equals("off", StringComparison.OrdinalIgnoreCase));
}
