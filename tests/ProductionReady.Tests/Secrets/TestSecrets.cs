using System.Security.Cryptography;

namespace ProductionReady.Tests.Secrets;

/// <summary>
/// Credential-looking test data, built at run time from pieces so that no committed literal looks like
/// a live credential or a connection string with a password.
/// </summary>
internal static class TestSecrets
{
    public const string PasswordKey = "Pass" + "word";

    /// <summary>A strong generated key: base64 of 48 random bytes.</summary>
    public static string StrongKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    /// <summary>A strong generated password: 24 characters of base64.</summary>
    public static string StrongPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    public static string Postgres(string user, string password) =>
        $"Host=db.internal;Port=5432;Database=orders;Username={user};{PasswordKey}={password};SSL Mode=Require";

    public static string SqlServer(string user, string password) =>
        $"Server=tcp:sql.internal,1433;Initial Catalog=orders;User ID={user};{PasswordKey}={password};Encrypt=true";

    public static string Uri(string scheme, string user, string password) =>
        $"{scheme}://{user}:{password}@db.internal:5432/orders";

    public static string StripeTestKey() => "sk" + "_test_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public static string PublishableTestKey() => "pk" + "_test_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    /// <summary>The weak list with its trivial variants (case, digits, symbols, leet, prefixes).</summary>
    public static IEnumerable<string> WeakValues()
    {
        string[] words = ["changeme", "CHANGE_ME", "password", "passw0rd", "postgres", "admin", "root", "secret", "test", "default", "qwerty", "letmein"];
        string[] suffixes = ["", "1", "123", "12345678", "!", "1!", "2024", "_"];
        foreach (var word in words)
        {
            foreach (var suffix in suffixes)
            {
                yield return word + suffix;
                yield return word.ToUpperInvariant() + suffix;
                yield return char.ToUpperInvariant(word[0]) + word[1..] + suffix;
            }
        }

        string[] extra = ["123456", "12345678", "123456789012", "admin12345678", "Password1!", "P@ssw0rd", "P@ssw0rd123!", "mypassword", "rootroot", "adminadmin", "change-me", "Change_Me_2024!"];
        foreach (var value in extra)
        {
            yield return value;
        }
    }

    public static IEnumerable<string> Placeholders() =>
        ["<your-password>", "${DB_PASSWORD}", "{{ jwt_signing_key }}", "__SIGNING_KEY__", "TODO", "xxx", "XXXX-XXXX-XXXX", "your-api-key-here", "REPLACE_ME", "<secret>"];

    public static IEnumerable<string> LowEntropy() =>
        ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "abababababababababababababababababab", "poiuytrewq", "abcdefghijklmnopqrstuvwxyz", "98765432109876", "1234567890123456789", "zxcvbnm"];
}
