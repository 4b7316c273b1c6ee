using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AutoMl.Infrastructure.Rewards;

/// <summary>
/// AdMob server-side verification as Google's Tink verifier does it: the signed content is the percent-decoded query
/// up to "&amp;signature=", signed with ECDSA P-256/SHA-256 (DER); signature and key_id are the last two parameters.
/// </summary>
public static class AdMobSignature
{
    private const string SignatureMarker = "&signature=";
    private const string KeyIdMarker = "&key_id=";

    /// <summary>Splits a raw query (with or without '?') into the signed content, the signature and the key id.</summary>
    public static bool TryParse(string rawQuery, out string content, out byte[] signature, out long keyId)
    {
        content = "";
        signature = [];
        keyId = 0;
        var decoded = Uri.UnescapeDataString(rawQuery.TrimStart('?'));
        var at = decoded.LastIndexOf(SignatureMarker, StringComparison.Ordinal);
        var keyAt = decoded.LastIndexOf(KeyIdMarker, StringComparison.Ordinal);
        if (at <= 0 || keyAt < at)
        {
            return false;
        }
        var encodedSignature = decoded[(at + SignatureMarker.Length)..keyAt];
        if (!long.TryParse(decoded[(keyAt + KeyIdMarker.Length)..], NumberStyles.None, CultureInfo.InvariantCulture, out keyId))
        {
            return false;
        }
        try
        {
            signature = Base64Url.DecodeFromChars(encodedSignature);
        }
        catch (FormatException)
        {
            return false;
        }
        content = decoded[..at];
        return true;
    }

    public static bool Verify(string content, byte[] signature, byte[] subjectPublicKeyInfo)
    {
        using var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
            return ecdsa.KeySize == 256
                && ecdsa.VerifyData(Encoding.UTF8.GetBytes(content), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
