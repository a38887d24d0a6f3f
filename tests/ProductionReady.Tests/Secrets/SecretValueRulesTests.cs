using System.Security.Cryptography;
using ProductionReady.Secrets;

namespace ProductionReady.Tests.Secrets;

public sealed class SecretValueRulesTests
{
    public static TheoryData<SecretKind> Kinds => new() { SecretKind.Password, SecretKind.Key, SecretKind.Token, SecretKind.ApiSecret };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_weak_list_and_its_variants_always_fail(SecretKind kind)
    {
        var requirement = SecretRequirement.For(kind);
        foreach (var value in TestSecrets.WeakValues())
        {
            var rule = SecretValueRules.Check(value, requirement, null, out _);
            Assert.True(rule is SecretRule.KnownWeakValue or SecretRule.LowEntropy or SecretRule.Placeholder, $"'{value}' as {kind}: {rule}");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Placeholders_fail_as_placeholders(SecretKind kind)
    {
        foreach (var value in TestSecrets.Placeholders())
        {
            Assert.Equal(SecretRule.Placeholder, SecretValueRules.Check(value, SecretRequirement.For(kind), null, out _));
        }
    }

    [Fact]
    public void Low_entropy_values_fail()
    {
        foreach (var value in TestSecrets.LowEntropy())
        {
            var rule = SecretValueRules.Check(value, SecretRequirement.For(SecretKind.Key), null, out _);
            Assert.True(rule is SecretRule.LowEntropy or SecretRule.KnownWeakValue, $"'{value}': {rule}");
        }
    }

    [Fact]
    public void Generated_strong_keys_and_passwords_always_pass()
    {
        // Property-style: many random keys in every form people generate them.
        for (var i = 0; i < 1000; i++)
        {
            var bytes = RandomNumberGenerator.GetInt32(32, 65);
            AssertPasses(Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)), SecretKind.Key);
            AssertPasses(Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)), SecretKind.Token);
            AssertPasses(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes)), SecretKind.ApiSecret);
            AssertPasses(RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40), SecretKind.Key);
            AssertPasses(RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#&*+-=?@^_~", RandomNumberGenerator.GetInt32(12, 33)), SecretKind.Password);
        }
    }

    private static void AssertPasses(string value, SecretKind kind)
    {
        var rule = SecretValueRules.Check(value, SecretRequirement.For(kind), "app", out _);
        Assert.True(rule is null, $"{kind} '{value}' was judged {rule}");
    }

    [Fact]
    public void Passwords_need_twelve_characters()
    {
        Assert.Equal(SecretRule.TooShort, SecretValueRules.Check("Kp9#vX2m!qL", SecretRequirement.For(SecretKind.Password), null, out var detail));
        Assert.Contains("11 characters", detail, StringComparison.Ordinal);
        Assert.Null(SecretValueRules.Check("Kp9#vX2m!qLz", SecretRequirement.For(SecretKind.Password), null, out _));
    }

    [Fact]
    public void Keys_need_32_characters_or_256_bits_of_hex_or_base64_material()
    {
        var key = SecretRequirement.For(SecretKind.Key);
        Assert.Equal(SecretRule.TooShort, SecretValueRules.Check("Gh7-kLm2-Qx9z-Wv4p-Rt8n-Ys3", key, null, out _));
        Assert.Null(SecretValueRules.Check("Gh7-kLm2-Qx9z-Wv4p-Rt8n-Ys3b-Nc6d", key, null, out _));

        // openssl rand -hex 16: 32 characters but only 128 bits.
        Assert.Equal(SecretRule.TooShort, SecretValueRules.Check(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), key, null, out var hexDetail));
        Assert.Contains("128 bits", hexDetail, StringComparison.Ordinal);
        Assert.Null(SecretValueRules.Check(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), key, null, out _));

        // openssl rand -base64 16: 24 characters, 128 bits; 24 bytes would be 32 characters, still too little.
        Assert.Equal(SecretRule.TooShort, SecretValueRules.Check(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)), key, null, out _));
        Assert.Equal(256, SecretValueRules.KeyMaterialBits(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
    }

    [Fact]
    public void Thresholds_are_configurable_per_requirement()
    {
        var strict = SecretRequirement.For(SecretKind.Password, minimumLength: 20);
        Assert.Equal(SecretRule.TooShort, SecretValueRules.Check("Kp9#vX2m!qLz7@Wd", strict, null, out _));
        var bits = SecretRequirement.For(SecretKind.Key, minimumBits: 512);
        // 47 bytes: padded base64 (a trait the rule needs to call it base64), 376 bits. 48 random bytes gave
        // 64 characters without '+', '/' or '=' in about one run in eight, judged by length instead: a flaky test.
        Assert.Equal(SecretRule.TooShort, SecretValueRules.Check(Convert.ToBase64String(RandomNumberGenerator.GetBytes(47)), bits, null, out _));
        Assert.Null(SecretValueRules.Check(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)), bits, null, out _));
    }

    [Fact]
    public void A_password_equal_to_the_user_name_fails()
    {
        Assert.Equal(SecretRule.EqualsUserName, SecretValueRules.Check("orders_service_7", SecretRequirement.For(SecretKind.Password), "Orders_Service_7", out _));
    }

    [Fact]
    public void Problems_carry_length_and_fingerprint_never_the_value()
    {
        var value = "changeme" + "2024";
        var problem = SecretValueRules.Evaluate("Jwt:SigningKey", value, SecretRequirement.For(SecretKind.Key));
        Assert.NotNull(problem);
        Assert.Equal(value.Length, problem.Length);
        Assert.Matches("^[0-9a-f]{8}$", problem.Fingerprint!);
        Assert.Equal(problem.Fingerprint, SecretFingerprint.Of(value));
        Assert.DoesNotContain("changeme", problem.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("openssl rand -base64 48", problem.Hint, StringComparison.Ordinal);
        Assert.Contains("Jwt__SigningKey", problem.Hint, StringComparison.Ordinal);
        Assert.Contains("dotnet user-secrets set", problem.Hint, StringComparison.Ordinal);
    }
}
