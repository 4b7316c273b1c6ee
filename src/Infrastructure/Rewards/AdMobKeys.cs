using System.Security.Cryptography;
using System.Text.Json;

namespace AutoMl.Infrastructure.Rewards;

/// <summary>AdMob's verifier-keys JSON, {"keys":[{"keyId":…, "pem":…, "base64":…}]}, as SubjectPublicKeyInfo bytes by key id.</summary>
public static class AdMobKeys
{
    public static Dictionary<long, byte[]> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var keys = new Dictionary<long, byte[]>();
        foreach (var key in doc.RootElement.GetProperty("keys").EnumerateArray())
        {
            var idElement = key.GetProperty("keyId");
            var id = idElement.ValueKind == JsonValueKind.String ? long.Parse(idElement.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : idElement.GetInt64();
            if (key.TryGetProperty("base64", out var b64) && b64.GetString() is { Length: > 0 } base64)
            {
                keys[id] = Convert.FromBase64String(base64);
            }
            else if (key.TryGetProperty("pem", out var pem) && pem.GetString() is { Length: > 0 } text)
            {
                using var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(text);
                keys[id] = ecdsa.ExportSubjectPublicKeyInfo();
            }
        }
        return keys;
    }
}
