using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;

namespace ProductionReady.Analyzers.Tests.Support;

/// <summary>The cheap shape tests, called directly.</summary>
public sealed class SecretShapeTests
{
    [Fact]
    public void Secrets_and_known_weak_values_are_secret_shaped()
    {
        Assert.True(SecretShape.IsSecretShaped(Password));
        Assert.True(SecretShape.IsSecretShaped("changeme"));
    }

    [Theory]
    [InlineData("Sample")]
    [InlineData("OrganizationId=")]
    [InlineData("#section-12345")]
    [InlineData("@scope/package1")]
    [InlineData("Enter your password")]
    [InlineData("identifier")]
    public void Names_keys_anchors_and_messages_are_not(string value)
        => Assert.False(SecretShape.IsSecretShaped(value));

    [Fact]
    public void Weak_words_count_only_when_asked()
        => Assert.False(SecretShape.IsSecretShaped("changeme", weakWordsCount: false));

    [Theory]
    [InlineData("abcde", true)]
    [InlineData("root", true)]
    [InlineData("abcd", false)]
    [InlineData("123", false)]
    public void Short_values_are_judged_only_when_known_weak(string value, bool judged)
        => Assert.Equal(judged, SecretShape.IsLongEnoughToJudge(value));

    [Theory]
    [InlineData("&token=", true)]
    [InlineData("pass:", true)]
    [InlineData("abc1=", false)]
    [InlineData("password", false)]
    public void Keys_before_their_value_are_recognised(string value, bool key)
        => Assert.Equal(key, SecretShape.IsKeyBeforeItsValue(value));
}
