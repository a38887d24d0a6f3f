namespace ProductionReady.Analyzers.Tests.Support;

/// <summary>The kind a name gives, called directly.</summary>
public sealed class CredentialKindsTests
{
    [Theory]
    [InlineData("dbPassword", nameof(CredentialKind.Password))]
    [InlineData("JwtKey", nameof(CredentialKind.SigningKey))]
    [InlineData("StripeApiKey", nameof(CredentialKind.ApiKey))]
    [InlineData("clientSecret", nameof(CredentialKind.ClientSecret))]
    [InlineData("SecretKey", nameof(CredentialKind.SecretKey))]
    [InlineData("refreshToken", nameof(CredentialKind.Token))]
    public void Identifiers_name_their_kind(string name, string kind)
        => Assert.Equal(Enum.Parse<CredentialKind>(kind), CredentialKinds.OfIdentifier(name));

    [Theory]
    [InlineData("cacheKey")]
    [InlineData("passwordHasher")]
    [InlineData("connectionString")]
    [InlineData("weakPasswords")]
    public void Other_identifiers_name_none(string name)
        => Assert.Null(CredentialKinds.OfIdentifier(name));

    [Theory]
    [InlineData("Jwt:Key", nameof(CredentialKind.SigningKey))]
    [InlineData("Stripe:Key", nameof(CredentialKind.Key))]
    [InlineData("DB_PASSWORD", nameof(CredentialKind.Password))]
    public void Configuration_keys_name_their_kind(string key, string kind)
        => Assert.Equal(Enum.Parse<CredentialKind>(kind), CredentialKinds.OfConfigurationKey(key, configurationFile: false));

    [Fact]
    public void A_logged_connection_string_is_a_credential()
    {
        Assert.Equal(CredentialKind.ConnectionString, CredentialKinds.OfLoggedIdentifier("_dbConnectionString"));
        Assert.Null(CredentialKinds.OfLoggedIdentifier("connectionTimeout"));
    }
}
