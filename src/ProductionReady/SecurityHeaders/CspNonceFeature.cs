using System.Security.Cryptography;

namespace ProductionReady.SecurityHeaders;

/// <summary>The request's CSP nonce, created on the first ask (a request that never asks pays nothing).</summary>
internal sealed class CspNonceFeature
{
    private CspNonceFeature(string nonce) => Nonce = nonce;

    public string Nonce { get; }

    /// <summary>128 random bits from the OS's CSPRNG, base64: unguessable per response, as CSP requires.</summary>
    public static CspNonceFeature Create()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return new CspNonceFeature(Convert.ToBase64String(bytes));
    }
}
