using ProductionReady.Detection;

namespace ProductionReady.Tests.Detection;

/// <summary>
/// The private-key format's separator between the PEM header and the body, <c>(?:\s|\\[rn])*</c> in a verbatim
/// pattern: white space, or a backslash followed by r or n (a line break escaped in JSON). The suspicion was that it
/// matches the literal text <c>[rn]</c> (a character class written where <c>\r\n</c> was meant); it does not.
/// </summary>
public sealed class PrivateKeyPatternTests
{
    private static string Header => "-----BEGIN " + "PRIVATE KEY-----";

    private static string Body => "MIIEvQIBADAN" + "BgkqhkiG9w0BAQEFAASC";

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\\n")]
    [InlineData("\\r\\n")]
    [InlineData("\\n\\n")]
    [InlineData("")]
    public void A_line_break_or_its_json_escape_separates_header_and_body(string separator)
    {
        var text = "{\"key\": \"" + Header + separator + Body + "\"}";

        var found = TokenFormats.FindLiveCredential(text);

        Assert.NotNull(found);
        Assert.Equal("private key", found.Value.Kind);
        Assert.Equal(text.IndexOf(Header, StringComparison.Ordinal), found.Value.Start);
    }

    [Theory]
    [InlineData("[rn]")]
    [InlineData("[n]")]
    [InlineData("\\t")]
    [InlineData("\\\\")]
    [InlineData("|")]
    public void Other_text_between_header_and_body_is_no_separator(string separator)
        => Assert.Null(TokenFormats.FindLiveCredential("{\"key\": \"" + Header + separator + Body + "\"}"));
}
