using System.Security.Cryptography;
using System.Text;

namespace ProductionReady.Secrets;

/// <summary>
/// A short, non-reversible fingerprint of a secret value (8 hex digits of HMAC-SHA256) that tells two
/// values apart in one report without revealing either.
/// </summary>
/// <remarks>
/// The HMAC key is random per process and never leaves memory. With a fixed, published salt the
/// fingerprint of a weak value (the only kind the report shows) could be found by hashing a
/// dictionary of weak passwords; with a per-process key it cannot. The price: fingerprints are
/// comparable within one run (one report), not across runs or machines.
/// </remarks>
internal static class SecretFingerprint
{
    private static readonly byte[] ProcessKey = RandomNumberGenerator.GetBytes(32);

    public static string Of(string value)
    {
        var mac = HMACSHA256.HashData(ProcessKey, Encoding.UTF8.GetBytes(value));
        return Convert.ToHexStringLower(mac, 0, 4);
    }
}
