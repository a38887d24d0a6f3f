using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;

namespace ProductionReady.Analyzers.Tests.Support;

/// <summary>Credentials in a JSON document held by a string, called directly.</summary>
public sealed class JsonCredentialsTests
{
    [Fact]
    public void A_password_member_is_found_with_its_key()
    {
        var found = JsonCredentials.Find("{ \"user\": \"app\", \"password\": \"" + Password + "\" }");

        Assert.Equal((CredentialKind.Password, "password"), found);
    }

    [Fact]
    public void A_nested_key_reads_as_a_configuration_path()
    {
        var found = JsonCredentials.Find("{\n  \"Jwt\": { \"Key\": \"" + SigningKey + "\" }\n}");

        Assert.Equal((CredentialKind.SigningKey, "Jwt:Key"), found);
    }

    [Theory]
    [InlineData("{ \"password\": \"\u0001\" }")]
    [InlineData("{ \"password\": \"<your password>\" }")]
    [InlineData("{ \"name\": \"secretary\" }")]
    [InlineData("password: hunter")]
    public void Holes_placeholders_other_members_and_non_json_are_not(string text)
        => Assert.Null(JsonCredentials.Find(text));
}
