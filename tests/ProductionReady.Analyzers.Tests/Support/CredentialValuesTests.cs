using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;

namespace ProductionReady.Analyzers.Tests.Support;

/// <summary>The judgement of a value in a credential position, called directly.</summary>
public sealed class CredentialValuesTests
{
    [Fact]
    public void A_real_looking_password_is_a_credential()
        => Assert.True(CredentialValues.IsCredentialLike(Password, CredentialKind.Password));

    [Fact]
    public void Weak_values_count_where_a_person_sets_them_only()
    {
        Assert.True(CredentialValues.IsCredentialLike("admin123", CredentialKind.Password));
        Assert.False(CredentialValues.IsCredentialLike("admin123", CredentialKind.ApiKey));
    }

    [Fact]
    public void A_passphrase_is_key_material_but_not_an_api_key()
    {
        var passphrase = "my custom secret" + " key for authentication";
        Assert.True(CredentialValues.IsCredentialLike(passphrase, CredentialKind.SigningKey));
        Assert.False(CredentialValues.IsCredentialLike(passphrase, CredentialKind.ApiKey));
    }

    [Fact]
    public void An_issued_number_of_six_digits_is_an_api_key()
    {
        Assert.True(CredentialValues.IsCredentialLike("195003", CredentialKind.ApiKey));
        Assert.False(CredentialValues.IsCredentialLike("12345", CredentialKind.ApiKey));
    }

    [Theory]
    [InlineData("Enter your password", nameof(CredentialKind.Password))]
    [InlineData("hdtvrip", nameof(CredentialKind.Token))]
    [InlineData("<your-api-key>", nameof(CredentialKind.ApiKey))]
    [InlineData("{0}", nameof(CredentialKind.Password))]
    [InlineData("\u0001", nameof(CredentialKind.Password))]
    public void Labels_words_placeholders_templates_and_holes_are_not(string value, string kind)
        => Assert.False(CredentialValues.IsCredentialLike(value, Enum.Parse<CredentialKind>(kind)));

    [Fact]
    public void A_constant_spelling_its_name_is_not_a_value()
    {
        Assert.False(CredentialValues.IsCredentialLike("client_secret", CredentialKind.ClientSecret, "ClientSecret", nameConstant: true));
        Assert.True(CredentialValues.IsCredentialLike(Password, CredentialKind.ClientSecret, "ClientSecret", nameConstant: true));
    }
}
