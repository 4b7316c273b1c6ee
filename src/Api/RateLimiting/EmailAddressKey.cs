using System.Security.Cryptography;
using System.Text;

namespace AutoMl.Api.RateLimiting;

/// <summary>An email address as the sign-in limits count it: trimmed and lower-case, and hashed before it names a Redis key.</summary>
internal static class EmailAddressKey
{
    public static string Normalise(string? email) => (email ?? "").Trim().ToLowerInvariant();

    public static string Hash(string normalised) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)))[..32];
}
