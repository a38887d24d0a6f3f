using static ProductionReady.Analyzers.Tests.Support.Snippets;

namespace ProductionReady.Analyzers.Tests.Support;

/// <summary>The walk from a literal to its target, called directly on parsed code.</summary>
public sealed class LiteralTargetsTests
{
    [Fact]
    public void Parentheses_casts_and_coalescing_pass_the_value_along()
        => Assert.Equal("dbPassword", TargetOf("var dbPassword = (string)(env ?? \"value-1\");", "value-1").Name);

    [Fact]
    public void Bytes_for_a_key_type_are_a_signing_key()
    {
        var target = TargetOf("var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(\"value-1\"));", "value-1");

        Assert.Equal(CredentialKind.SigningKey, target.DirectKind);
    }

    [Fact]
    public void Bytes_assigned_to_a_key_are_an_encryption_key()
        => Assert.Equal(CredentialKind.EncryptionKey, TargetOf("aes.Key = Convert.FromHexString(\"value-1\");", "value-1").DirectKind);

    [Fact]
    public void Characters_appended_to_a_secure_string_are_a_password()
        => Assert.Equal(CredentialKind.Password, TargetOf("foreach (var c in \"value-1\") secure.AppendChar(c);", "value-1").DirectKind);

    [Fact]
    public void A_user_password_pair_turned_into_a_basic_header_says_so()
    {
        var code = "var bytes = Encoding.ASCII.GetBytes(\"alice:value-1\"); client.DefaultRequestHeaders.Add(\"Authorization\", \"Basic \" + Convert.ToBase64String(bytes));";

        Assert.Equal(CredentialKind.BasicUserPassword, TargetOf(code, "alice:value-1").DirectKind);
    }

    [Fact]
    public void A_positional_argument_waits_for_the_semantic_model()
    {
        var target = TargetOf("Connect(\"db\", \"value-1\");", "value-1");

        Assert.NotNull(target.ArgumentOwner);
        Assert.Equal(1, target.ArgumentIndex);
        Assert.Null(target.Name);
    }

    [Theory]
    [InlineData("if (\"value-1\".Length > 4) { }")]
    [InlineData("var x = \"value-1\" + y;")]
    public void A_literal_that_goes_nowhere_has_no_target(string code)
        => Assert.True(TargetOf(code, "value-1").IsNone);
}
