using static ProductionReady.Analyzers.Tests.Support.Snippets;

namespace ProductionReady.Analyzers.Tests.Support;

/// <summary>Declarations a literal initializes or is returned by, called directly on parsed code.</summary>
public sealed class DeclarationTargetsTests
{
    [Theory]
    [InlineData("class C { const string Password = \"value-1\"; }")]
    [InlineData("class C { static readonly string Password = \"value-1\"; }")]
    [InlineData("class C { static string Password { get; } = \"value-1\"; }")]
    [InlineData("class C { static string Password => \"value-1\"; }")]
    public void Constants_may_spell_their_name(string code)
    {
        var target = TargetOf(code, "value-1");

        Assert.Equal("Password", target.Name);
        Assert.Equal(TargetFlags.NameConstant, target.Flags);
    }

    [Theory]
    [InlineData("class C { string Password { get; set; } = \"value-1\"; }")]
    [InlineData("class C { string password = \"value-1\"; }")]
    [InlineData("class C { void M(string password = \"value-1\") { } }")]
    public void Other_declarations_are_plain_names(string code)
    {
        var target = TargetOf(code, "value-1");

        Assert.Equal(TargetFlags.None, target.Flags);
        Assert.NotNull(target.Name);
    }

    [Fact]
    public void A_returned_value_is_the_member_s()
        => Assert.Equal("GetApiKey", TargetOf("class C { string GetApiKey() { return \"value-1\"; } }", "value-1").Name);

    [Fact]
    public void A_value_returned_from_a_lambda_has_no_name()
        => Assert.True(TargetOf("class C { Func<string> f = () => { return \"value-1\"; }; }", "value-1").IsNone);
}
