using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// The "not a credential" tables of PRD001/PRD002 called directly (issue 22): each check gives its reason, and a
/// credential never matches one.
/// </summary>
public sealed class NotACredentialTableTests
{
    [Theory]
    [InlineData("{0}", "format string or template")]
    [InlineData("/account/login", "path or URL")]
    [InlineData("^[a-z]+$", "regular expression")]
    [InlineData("DB_PASSWORD", "environment variable name")]
    [InlineData("Jwt:Key", "configuration key path")]
    [InlineData("identity:accesstoken-*", "key pattern or prefix")]
    [InlineData("oauth:refresh:", "key pattern or prefix")]
    [InlineData("password=", "key before its value")]
    [InlineData("2x-cover.jpg", "file name")]
    [InlineData("1.0.0", "version or address")]
    [InlineData("application/json", "media type")]
    [InlineData("Bearer", "authentication scheme")]
    public void Syntax_checks_name_their_reason(string value, string reason)
        => Assert.Equal(reason, NotACredential.SyntaxReason(value));

    [Theory]
    [InlineData("28P01", "status or error code")]
    [InlineData("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", "character set")]
    [InlineData("passwordrecoveryconfirm", "route or action name")]
    [InlineData("account/changepassword", "route or action name")]
    [InlineData("-@slack", "marker")]
    [InlineData("oi_reft+jwt", "token type")]
    [InlineData("required", "validation code or state")]
    [InlineData("not_found", "validation code or state")]
    public void Value_checks_name_their_reason(string value, string reason)
        => Assert.Equal(reason, NotACredential.ValueReason(value));

    [Fact]
    public void Credentials_match_no_check()
    {
        foreach (var value in new[] { Password, OtherPassword, SigningKey, "Pass@word1", "supersecretpassword", "MySecretToken", "tegbzn6789" })
        {
            Assert.Null(NotACredential.SyntaxReason(value));
            Assert.Null(NotACredential.ValueReason(value));
        }
    }

    [Theory]
    [InlineData("[smtp]\n; password=x\nhost=h", true)]
    [InlineData("a: 1\n  # url: postgres://u:p@h/db", true)]
    [InlineData("{\n  // \"Password\": \"x\"\n}", true)]
    [InlineData("[smtp]\npassword=x", false)]
    [InlineData("#password=x", false)]
    public void Commented_out_lines_are_recognised(string text, bool commented)
        => Assert.Equal(commented, NotACredential.IsOnCommentedOutLine(text, text.LastIndexOf('x') > 0 ? text.LastIndexOf('x') : text.IndexOf('u')));

    [Theory]
    [InlineData("No database configured. Set it, for example Host=h;Password=p", true)]
    [InlineData("Invalid connection string; expected something like Server=db;Password=p", true)]
    [InlineData("Usage: tool --db postgres://u:p@h/db", true)]
    [InlineData("Server=example.com;Database=samples;Password=p", false)]
    [InlineData("Host=h;Username=u;Password=p", false)]
    public void Examples_in_prose_are_recognised(string text, bool example)
        => Assert.Equal(example, NotACredential.IsExampleInProse(text));

    [Theory]
    [InlineData("amqp://guest:guest@localhost:5672/", "guest", "guest", true)]
    [InlineData("amqp://guest:guest@rabbitmq.internal:5672/", "guest", "guest", false)]
    [InlineData("smtp://mailpit:mailpit@localhost:1025", "mailpit", "mailpit", true)]
    [InlineData("smtp://relay:relay@smtp.internal:1025", "relay", "relay", false)]
    [InlineData("Host=localhost;Username=postgres;Password=postgres", "postgres", "postgres", false)]
    public void Local_development_tools_are_recognised(string text, string user, string password, bool local)
        => Assert.Equal(local, LocalDevelopmentTools.IsLocalToolCredential(text, password, user));

    [Fact]
    public void The_credential_api_table_names_a_password_position_for_seeded_users()
    {
        var call = (Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax)Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression("userManager.CreateAsync(user, \"x\")");
        var other = (Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax)Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression("orders.CreateAsync(order, \"x\")");
        Assert.Equal("password", CredentialApis.ParameterName(call, 1));
        Assert.Null(CredentialApis.ParameterName(call, 0));
        Assert.Null(CredentialApis.ParameterName(other, 1));
    }
}
