using System.Text;
using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;

namespace ProductionReady.Analyzers.Tests.Support;

/// <summary>Basic-auth parsing, called directly.</summary>
public sealed class BasicAuthValuesTests
{
    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Base64_of_a_user_and_a_password_is_a_credential()
        => Assert.True(BasicAuthValues.IsBasicCredentials(Base64("alice:" + Password)));

    [Theory]
    [InlineData("alice:<password>")]
    [InlineData("alice")]
    [InlineData(":nouser")]
    public void Base64_of_a_placeholder_or_no_pair_is_not(string decoded)
        => Assert.False(BasicAuthValues.IsBasicCredentials(Base64(decoded)));

    [Fact]
    public void Text_that_is_not_base64_is_not()
        => Assert.False(BasicAuthValues.IsBasicCredentials("not base64 at all!"));

    [Fact]
    public void A_plain_pair_is_a_credential()
        => Assert.True(BasicAuthValues.IsPlainBasicPair("alice:" + Password));

    [Theory]
    [InlineData("https://example.com:443")]
    [InlineData("user name:value1234")]
    [InlineData("alice:{0}")]
    [InlineData("alice:abc")]
    public void Urls_sentences_templates_and_short_passwords_are_not_pairs(string value)
        => Assert.False(BasicAuthValues.IsPlainBasicPair(value));
}
