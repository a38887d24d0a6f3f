using ProductionReady.Analyzers.Tests.Infrastructure;
using static ProductionReady.Analyzers.Tests.Support.Snippets;

namespace ProductionReady.Analyzers.Tests.Support;

/// <summary>Arguments and attribute arguments, called directly on parsed code.</summary>
public sealed class ArgumentTargetsTests
{
    [Fact]
    public void A_named_argument_names_its_parameter()
        => Assert.Equal("password", TargetOf("Connect(host: \"db\", password: \"value-1\");", "value-1").Name);

    [Fact]
    public void A_value_after_a_credential_key_is_the_key_s()
    {
        var target = TargetOf("Environment.SetEnvironmentVariable(\"DB_PASSWORD\", \"value-1\");", "value-1");

        Assert.True(target.IsConfigurationKey);
        Assert.Equal("DB_PASSWORD", target.Name);
    }

    [Theory]
    [InlineData("Environment.SetEnvironmentVariable(\"DB_PASSWORD\", \"value-1\", EnvironmentVariableTarget.Process);")]
    [InlineData("settings.TryAdd(\"Jwt:Key\", \"value-1\");")]
    [InlineData("session.SetString(\"ApiKey\", \"value-1\");")]
    [InlineData("var p = KeyValuePair.Create(\"Smtp:Password\", \"value-1\");")]
    public void A_known_key_value_sink_gives_its_value_to_the_key(string code)
    {
        var target = TargetOf(code, "value-1");

        Assert.True(target.IsConfigurationKey);
        Assert.Null(target.ArgumentOwner);
    }

    [Fact]
    public void After_a_key_in_another_call_the_parameter_decides()
    {
        var target = TargetOf("errors.Add(new ValidationError(\"signingKeys\", \"value-1\", \"Manual trust requires signing keys.\"));", "value-1");

        Assert.True(target.IsConfigurationKey);
        Assert.Equal("signingKeys", target.Name);
        Assert.NotNull(target.ArgumentOwner);
    }

    [Theory]
    [InlineData("value", true)]
    [InlineData("newValue", true)]
    [InlineData("secret", true)]
    [InlineData("password", true)]
    [InlineData("data", true)]
    [InlineData("code", false)]
    [InlineData("errorMessage", false)]
    [InlineData("description", false)]
    [InlineData("reason", false)]
    [InlineData("format", false)]
    public void A_value_parameter_takes_a_value_not_a_code_or_a_message(string parameter, bool takesValue)
        => Assert.Equal(takesValue, KeyValueCalls.IsValueParameter(parameter));

    [Fact]
    public void A_command_line_option_s_description_is_not_its_value()
    {
        var target = TargetOf("var o = new Option<string>(\"--encryption-key\", \"value-1\");", "value-1");

        Assert.False(target.IsConfigurationKey);
        Assert.NotNull(target.ArgumentOwner);
    }

    [Theory]
    [InlineData("var h = new AuthenticationHeaderValue(\"Basic\", \"value-1\");", nameof(CredentialKind.BasicCredentials))]
    [InlineData("var s = new Secret(\"value-1\".Sha256());", nameof(CredentialKind.ClientSecret))]
    [InlineData("var c = new BasicAWSCredentials(\"AKIA\" + id, \"value-1\");", nameof(CredentialKind.AwsSecretAccessKey))]
    public void Created_types_say_the_kind_by_position(string code, string kind)
        => Assert.Equal(Enum.Parse<CredentialKind>(kind), TargetOf(code, "value-1").DirectKind);

    [Fact]
    public void An_emulator_s_aws_credentials_are_not()
        => Assert.True(TargetOf("var c = new BasicAWSCredentials(\"test\", \"value-1\");", "value-1").IsNone);

    [Fact]
    public void A_thumbprint_secret_is_public()
        => Assert.True(TargetOf("var s = new Secret(\"value-1\") { Type = \"X509Thumbprint\" };", "value-1").IsNone);

    [Fact]
    public void A_default_value_attribute_is_its_property_s_value()
        => Assert.Equal("Password", TargetOf("class C { [DefaultValue(\"value-1\")] public string Password { get; set; } }", "value-1").Name);

    [Fact]
    public void A_named_attribute_argument_names_its_property()
        => Assert.Equal("ApiKey", TargetOf("[Service(ApiKey = \"value-1\")] class C { }", "value-1").Name);

    [Fact]
    public void Aws_access_key_ids_have_their_shape()
    {
        Assert.True(ArgumentTargets.IsAwsAccessKeyId(FakeCredentials.AwsAccessKey));
        Assert.False(ArgumentTargets.IsAwsAccessKeyId("test"));
        Assert.False(ArgumentTargets.IsAwsAccessKeyId("AKIA"));
    }
}
