using Microsoft.Extensions.Configuration;
using ProductionReady.Secrets;

namespace ProductionReady.Tests.Secrets;

public sealed class KnownSecretValuesTests
{
    [Fact]
    public void Values_follow_configuration_reloads_and_include_options_values()
    {
        var first = TestSecrets.StrongKey();
        var root = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jwt:SigningKey"] = first }).Build();
        using var known = new KnownSecretValues(root);
        Assert.Contains(first, known.Values);

        var second = TestSecrets.StrongKey();
        root["Jwt:SigningKey"] = second;
        root.Reload();
        Assert.Contains(second, known.Values);
        Assert.DoesNotContain(first, known.Values);

        var fromOptions = TestSecrets.StrongPassword();
        known.Add(fromOptions);
        known.Add("${NOT_A_SECRET}");
        Assert.Contains(fromOptions, known.Values);
        Assert.DoesNotContain("${NOT_A_SECRET}", known.Values);
    }

    [Fact]
    public void Uri_passwords_are_known_both_escaped_and_unescaped()
    {
        var password = "Kp9#vX2m!qLz" + "7@Wd";
        var escaped = Uri.EscapeDataString(password);
        var root = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cache:Url"] = TestSecrets.Uri("redis", "app", escaped) }).Build();
        using var known = new KnownSecretValues(root);
        Assert.Contains(password, known.Values);
        Assert.Contains(escaped, known.Values);
    }
}
