namespace ProductionReady.Analyzers.Tests.Support;

/// <summary>Credentials in a URL's query string, called directly.</summary>
public sealed class QueryStringCredentialsTests
{
    [Fact]
    public void A_generated_key_after_a_secret_name_is_found()
    {
        var key = "7f3a9c" + "21b84d";
        var url = "https://api.example.com/data?format=json&access_token=" + key + "&lang=en";

        var found = Assert.NotNull(QueryStringCredentials.Find(url));

        Assert.Equal(key, url.Substring(found.Start, found.Length));
        Assert.Equal(CredentialKind.Token, found.Kind);
        Assert.True(found.InUrl);
    }

    [Theory]
    [InlineData("https://api.example.com/oauth?token=refresh")]
    [InlineData("https://api.example.com/?page=12345678")]
    [InlineData("apikey=7f3a9c21b84d")]
    [InlineData("https://api.example.com/items")]
    public void Words_other_names_and_text_without_a_url_are_not(string text)
        => Assert.Null(QueryStringCredentials.Find(text));
}
