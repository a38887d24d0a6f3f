namespace ProductionReady.Analyzers.Tests.Support;

/// <summary>The kinds' table called directly: one row per kind, the text messages read, and the traits values are judged by.</summary>
public sealed class CredentialKindTextTests
{
    [Fact]
    public void Table_has_one_row_per_kind_in_enum_order()
    {
        var kinds = Enum.GetValues<CredentialKind>();
        Assert.Equal(kinds.Length, CredentialKindText.Table.Length);
        foreach (var kind in kinds)
        {
            Assert.Equal(kind, CredentialKindText.Table[(int)kind].Kind);
        }
    }

    [Theory]
    [InlineData(nameof(CredentialKind.ApiKey), "API key", "an API key")]
    [InlineData(nameof(CredentialKind.Password), "password", "a password")]
    [InlineData(nameof(CredentialKind.EncryptionKey), "encryption key", "an encryption key")]
    [InlineData(nameof(CredentialKind.SecretKey), "secret key", "a secret key")]
    [InlineData(nameof(CredentialKind.ConnectionString), "connection string", "a connection string")]
    [InlineData(nameof(CredentialKind.BasicUserPassword), "Basic-auth user:password", "a Basic-auth user:password")]
    public void Messages_read_the_kind_with_its_article(string kindName, string text, string withArticle)
    {
        var kind = Enum.Parse<CredentialKind>(kindName);
        Assert.Equal(text, kind.Text());
        Assert.Equal(withArticle, kind.WithArticle());
    }

    [Fact]
    public void Traits_say_how_values_are_judged()
    {
        Assert.True(CredentialKind.Passphrase.Has(KindTraits.KeyMaterial));
        Assert.True(CredentialKind.Password.Has(KindTraits.WeakValuesCount));
        Assert.True(CredentialKind.Token.Has(KindTraits.WordsAreNames));
        Assert.True(CredentialKind.ApiKey.Has(KindTraits.IssuedNumbers));

        // Generated kinds are never "admin"; a password is no key material.
        Assert.False(CredentialKind.ApiKey.Has(KindTraits.WeakValuesCount));
        Assert.False(CredentialKind.Password.Has(KindTraits.KeyMaterial));
        Assert.False(CredentialKind.Password.Has(KindTraits.IssuedNumbers));
    }
}
