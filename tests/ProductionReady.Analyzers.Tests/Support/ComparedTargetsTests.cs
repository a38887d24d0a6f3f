using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;
using static ProductionReady.Analyzers.Tests.Support.Snippets;

namespace ProductionReady.Analyzers.Tests.Support;

/// <summary>Literals compared with secrets or request values, called directly on parsed code.</summary>
public sealed class ComparedTargetsTests
{
    [Fact]
    public void A_secret_named_variable_names_the_target()
        => Assert.Equal("apiKey", TargetOf("if (apiKey != \"" + Password + "\") return;", Password).Name);

    [Fact]
    public void A_request_header_is_an_api_key()
    {
        var target = TargetOf("if (context.Request.Headers[\"X-Api-Key\"] == \"" + Password + "\") { }", Password);

        Assert.Equal(CredentialKind.ApiKey, target.DirectKind);
    }

    [Fact]
    public void A_value_read_by_try_get_value_from_the_query_is_a_request_value()
    {
        var code = "void M(HttpRequest request) { if (request.Query.TryGetValue(\"key\", out var provided) && provided == \"" + Password + "\") { } }";

        Assert.Equal(CredentialKind.ApiKey, TargetOf("class C { " + code + " }", Password).DirectKind);
    }

    [Theory]
    [InlineData("if (scheme == \"Bearer\") { }", "Bearer")]
    [InlineData("if (apiKey == \"none\") { }", "none")]
    [InlineData("if (title == \"value-1234\") { }", "value-1234")]
    public void Sentinels_and_other_names_are_not(string code, string value)
        => Assert.True(TargetOf(code, value).IsNone);
}
