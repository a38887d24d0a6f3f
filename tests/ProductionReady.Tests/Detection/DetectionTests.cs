using System.Security.Cryptography;
using ProductionReady.Detection;

namespace ProductionReady.Tests.Detection;

public sealed class DetectionTests
{
    [Theory]
    [InlineData("changeme")]
    [InlineData("CHANGE_ME")]
    [InlineData("Password1!")]
    [InlineData("P@ssw0rd")]
    [InlineData("passw0rd")]
    [InlineData("admin123")]
    [InlineData("admin12345678")]
    [InlineData("postgres")]
    [InlineData("123456")]
    [InlineData("qwerty")]
    [InlineData("letmein")]
    [InlineData("mypassword")]
    [InlineData("MySecretToken")]
    [InlineData("my-secret-key")]
    [InlineData("rootroot")]
    public void Known_weak_values_and_variants_are_weak(string value) =>
        Assert.Equal(Weakness.KnownWeakValue, WeakSecrets.Classify(value));

    [Theory]
    [InlineData("<your-password>")]
    [InlineData("${DB_PASSWORD}")]
    [InlineData("{{ jwt_key }}")]
    [InlineData("__SIGNING_KEY__")]
    [InlineData("TODO")]
    [InlineData("xxx")]
    [InlineData("your-api-key-here")]
    [InlineData("REPLACE_ME")]
    public void Placeholders_are_placeholders(string value) =>
        Assert.Equal(Weakness.Placeholder, WeakSecrets.Classify(value));

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("abababababababab")]
    [InlineData("asdfghjkl")]
    [InlineData("abcdefghijklmnop")]
    [InlineData("98765432")]
    public void Low_entropy_values_are_weak(string value) =>
        Assert.NotEqual(Weakness.None, WeakSecrets.Classify(value));

    [Fact]
    public void Password_equal_to_user_name_is_weak() =>
        Assert.Equal(Weakness.EqualsUserName, WeakSecrets.Classify("orders_service", "Orders_Service"));

    [Fact]
    public void Random_keys_are_never_weak()
    {
        for (var i = 0; i < 2000; i++)
        {
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            Assert.Equal(Weakness.None, WeakSecrets.Classify(key));
            var hex = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            Assert.Equal(Weakness.None, WeakSecrets.Classify(hex));
        }
    }

    [Theory]
    [InlineData("Password")]
    [InlineData("Jwt:SigningKey")]
    [InlineData("DB_PASSWORD")]
    [InlineData("clientSecret")]
    [InlineData("Stripe:ApiKey")]
    [InlineData("api_key")]
    [InlineData("_dbPwd")]
    [InlineData("GitHubToken")]
    public void Secret_names_are_recognised(string name) => Assert.True(SecretNames.IsSecretName(name), name);

    [Theory]
    [InlineData("PasswordMinLength")]
    [InlineData("TokenEndpoint")]
    [InlineData("SecretName")]
    [InlineData("cancellationToken")]
    [InlineData("CacheKey")]
    [InlineData("Identity:Password:RequiredLength")]
    [InlineData("PasswordHash")]
    public void Names_about_secrets_are_not_secrets(string name) => Assert.False(SecretNames.IsSecretName(name), name);

    [Theory]
    [InlineData("Host=db;Port=5432;Username=app;Password=S3cr3t-Value;Database=orders", "S3cr3t-Value", "app")]
    [InlineData("Server=tcp:sql,1433;User ID=sa;Pwd='semi;colon';Encrypt=true", "semi;colon", "sa")]
    [InlineData("postgres://orders:hunter2x@db:5432/orders", "hunter2x", "orders")]
    [InlineData("amqp://guest:guestpw@rabbit/", "guestpw", "guest")]
    public void Passwords_are_located(string text, string password, string user)
    {
        var found = CredentialLocator.FindPassword(text);
        Assert.NotNull(found);
        Assert.Equal(password, found.Value.ValueIn(text));
        Assert.Equal(user, found.Value.UserName);
    }

    [Theory]
    [InlineData("Host=db;Database=orders;Integrated Security=true")]
    [InlineData("Host=db;Username=app;Password=")]
    [InlineData("https://example.com/path?a=b")]
    [InlineData("Enter your password")]
    public void No_password_where_there_is_none(string text) => Assert.Null(CredentialLocator.FindPassword(text));

    [Fact]
    public void Well_known_tokens_are_found()
    {
        // Built from pieces so that no committed literal looks like a live credential.
        var aws = "AK" + "IA" + new string('Q', 16);
        var github = ProductionReady.TestSupport.TokenFormatSamples.WithBase62Checksum("gh" + "p_", new string('a', 30));
        var stripe = "sk" + "_live_" + new string('b', 24);
        var stripeTest = "sk" + "_test_" + new string('c', 24);
        Assert.Equal("AWS access key", TokenFormats.FindLiveCredential($"key={aws}")?.Kind);
        Assert.Equal("GitHub token", TokenFormats.FindLiveCredential(github)?.Kind);
        Assert.Equal("Stripe live key", TokenFormats.FindLiveCredential(stripe)?.Kind);
        Assert.Null(TokenFormats.FindLiveCredential(stripeTest));
        Assert.Equal("Stripe test key", TokenFormats.FindTestModeKey(stripeTest)?.Kind);
        Assert.Null(TokenFormats.FindLiveCredential("an ordinary sentence about AKIA and tokens"));
    }
}
