using System.Security.Cryptography;
using System.Text;

namespace AutoMl.Domain.Accounts;

/// <summary>
/// API keys are 256-bit random secrets behind the "aml_" prefix. They are stored only as a SHA-256
/// hash: the secret has full entropy, so a slow password hash would add latency to every request
/// without making a stolen hash any harder to reverse.
/// </summary>
public static class ApiKeyFormat
{
    public const string Prefix = "aml_";
    private const int SecretBytes = 32;
    private const int VisiblePrefixLength = 12;

    public static string NewKey() =>
        Prefix + Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    public static bool LooksLikeKey(string value) =>
        value.StartsWith(Prefix, StringComparison.Ordinal) && value.Length > Prefix.Length + 20;

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string VisiblePrefix(string key) => key[..Math.Min(VisiblePrefixLength, key.Length)];

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
