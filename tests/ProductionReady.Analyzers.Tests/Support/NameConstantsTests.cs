using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;

namespace ProductionReady.Analyzers.Tests.Support;

/// <summary>Constants that spell their own name, called directly.</summary>
public sealed class NameConstantsTests
{
    [Theory]
    [InlineData("client_secret", "ClientSecret")]
    [InlineData("access_token", "AccessTokenKey")]
    [InlineData("password", "GrantTypePassword")]
    [InlineData("client_secret", "AuthenticationMethodClientSecret")]
    public void A_value_spelling_the_name_is_a_name(string value, string name)
        => Assert.True(NameConstants.SpellsItsName(value, name));

    [Theory]
    [InlineData("password", "AdminPassword")]
    [InlineData("hunter", "ClientSecret")]
    public void Other_values_are_not(string value, string name)
        => Assert.False(NameConstants.SpellsItsName(value, name));

    [Fact]
    public void A_real_value_is_not_a_name()
        => Assert.False(NameConstants.SpellsItsName(Password, "DefaultPassword"));
}
