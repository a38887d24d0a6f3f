namespace ProductionReady.Secrets;

/// <summary>What to do about a problem: commands to run and where the value should come from.</summary>
internal static class SecretHints
{
    /// <summary>The environment variable that sets <paramref name="key"/> (<c>Jwt:SigningKey</c> → <c>Jwt__SigningKey</c>).</summary>
    public static string EnvironmentVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    public static string For(SecretRule rule, string key, SecretKind kind, int minimumLength, bool connectionString)
    {
        var variable = EnvironmentVariable(key);
        var supply = $"Provide it through the environment variable {variable} or your secret store (Kubernetes Secret, Azure Key Vault, AWS Secrets Manager); locally: dotnet user-secrets set \"{key}\" \"<value>\". Never commit it.";
        if (connectionString)
        {
            return rule == SecretRule.Missing
                ? $"Set the connection string. {supply}"
                : $"Give the database user a generated password (openssl rand -base64 24) and supply the whole connection string the same way. {supply}";
        }

        return rule switch
        {
            SecretRule.TestModeKey => $"Use the live-mode key in this environment; keep test-mode keys for Development. {supply}",
            SecretRule.InsecureUrl => $"Use an https:// URL (and keep RequireHttpsMetadata on); tokens and redirects must not travel in clear text. Set {variable} accordingly.",
            SecretRule.DebugSwitch => $"Turn it off here: set {variable}=false or remove it from appsettings.<Environment>.json and the environment.",
            _ when kind == SecretKind.Password => $"Use a generated password of at least {Math.Max(minimumLength, SecretRequirement.DefaultPasswordLength)} characters, e.g. openssl rand -base64 24. {supply}",
            _ => $"Generate one: openssl rand -base64 48 (384 bits). {supply}",
        };
    }
}
