using static ProductionReady.Analyzers.Tests.Support.Snippets;

namespace ProductionReady.Analyzers.Tests.Support;

/// <summary>Assignments, indexers and key/value pairs, called directly on parsed code.</summary>
public sealed class AssignmentTargetsTests
{
    [Fact]
    public void A_member_assignment_names_the_member()
        => Assert.Equal("Password", TargetOf("options.Password = \"value-1\";", "value-1").Name);

    [Theory]
    [InlineData("config[\"Jwt:Key\"] = \"value-1\";")]
    [InlineData("var d = new Dictionary<string, string> { [\"Jwt:Key\"] = \"value-1\" };")]
    [InlineData("var d = new Dictionary<string, string> { { \"Jwt:Key\", \"value-1\" } };")]
    [InlineData("var pair = (\"Jwt:Key\", \"value-1\");")]
    public void A_value_after_its_key_is_the_key_s(string code)
    {
        var target = TargetOf(code, "value-1");

        Assert.True(target.IsConfigurationKey);
        Assert.Equal("Jwt:Key", target.Name);
    }

    [Fact]
    public void A_sibling_member_names_the_kind()
    {
        var target = TargetOf("var s = new Setting { Type = \"Stripe:ApiKey\", Value = \"value-1\" };", "value-1");

        Assert.True(target.IsConfigurationKey);
        Assert.Equal("Stripe:ApiKey", target.Name);
    }

    [Fact]
    public void A_secret_named_collection_says_only_its_name()
    {
        var target = TargetOf("passwordsByHost[\"db1\"] = \"value-1\";", "value-1");

        Assert.Equal("passwordsByHost", target.Name);
        Assert.Equal(TargetFlags.CollectionName, target.Flags);
    }

    [Fact]
    public void Deconstruction_lands_in_the_variable_at_the_same_place()
        => Assert.Equal("demoPassword", TargetOf("var (demoUser, demoPassword) = (\"demo\", \"value-1\");", "value-1").Name);

    [Theory]
    [InlineData("items[0] = \"value-1\";")]
    [InlineData("labels[\"title\"] = \"value-1\";")]
    public void Other_collections_have_no_target(string code)
        => Assert.True(TargetOf(code, "value-1").IsNone);
}
