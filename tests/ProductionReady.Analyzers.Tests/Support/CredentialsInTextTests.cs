using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;

namespace ProductionReady.Analyzers.Tests.Support;

/// <summary>The finders of credentials a value reveals by itself, called directly.</summary>
public sealed class CredentialsInTextTests
{
    [Fact]
    public void A_connection_string_password_is_found_where_it_is()
    {
        var text = "Host=db;Username=app;Password=" + Password;

        var found = Assert.NotNull(CredentialsInText.Find(text));

        Assert.Equal(CredentialKind.ConnectionStringPassword, found.Kind);
        Assert.Equal("connection string password", found.Text);
        Assert.Equal(Password, text.Substring(found.Start, found.Length));
        Assert.False(found.IsLiveFormat);
    }

    [Fact]
    public void A_password_in_a_uri_is_found()
    {
        var found = Assert.NotNull(CredentialsInText.Find("postgres://app:" + Password + "@db:5432/shop"));

        Assert.Equal(CredentialKind.PasswordInUri, found.Kind);
        Assert.Equal("password in a URI", found.Text);
    }

    [Fact]
    public void A_token_format_is_named_by_its_format()
    {
        var found = Assert.NotNull(CredentialsInText.Find("token: " + GitHubToken));

        Assert.Equal(CredentialKind.TokenFormat, found.Kind);
        Assert.True(found.IsLiveFormat);
        Assert.False(found.IsJwt);
        Assert.Equal(found.FormatName, found.Text);
        Assert.Contains("GitHub", found.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jwt_says_so()
        => Assert.True(Assert.NotNull(CredentialsInText.Find("Bearer " + Jwt)).IsJwt);

    [Fact]
    public void A_key_in_a_query_string_reads_as_in_a_url()
    {
        var found = Assert.NotNull(CredentialsInText.Find("https://api.example.com/v1/items?apikey=" + "2c9d9507" + "ab41f7e3"));

        Assert.Equal(CredentialKind.ApiKey, found.Kind);
        Assert.Equal("API key in a URL", found.Text);
    }

    [Fact]
    public void A_redis_option_password_is_found()
    {
        var text = "cache.internal:6380,password=" + Password + ",ssl=true";

        var found = Assert.NotNull(CredentialsInText.Find(text));

        Assert.Equal(Password, text.Substring(found.Start, found.Length));
    }

    [Theory]
    [InlineData("Host=db;Username=app;Password={password}")]
    [InlineData("Host=db;Username=app;Password=")]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("https://example.com/search?q=hello&page=2")]
    [InlineData("Just a sentence about passwords.")]
    public void Placeholders_emulators_and_plain_text_reveal_none(string text)
        => Assert.Null(CredentialsInText.Find(text));

    [Fact]
    public void An_emulator_account_key_is_published()
        => Assert.True(CredentialsInText.IsEmulator("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + SigningKey));
}
