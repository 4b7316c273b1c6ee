using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoMl.Api.Tests.Support;

/// <summary>
/// AdMob's side of server-side verification: the verifier-keys JSON (served like gstatic's) and callbacks signed the way
/// Google signs them, with ECDSA P-256 key pairs made here.
/// </summary>
public sealed class FakeAdMob : FakeServer
{
    public const string OurAdUnit = "1234567890";

    private readonly Dictionary<long, ECDsa> served = [];
    private readonly Dictionary<long, string> published = [];
    private readonly Lock gate = new();

    public Uri KeysUrl => new(BaseUrl, "/admob/reward/verifier-keys.json");

    public static async Task<FakeAdMob> StartAsync()
    {
        var fake = new FakeAdMob();
        await fake.ListenAsync();
        return fake;
    }

    /// <summary>A new key pair, published in the keys JSON from now on; returns its key id.</summary>
    public long AddKey(long keyId)
    {
        lock (gate)
        {
            served[keyId] = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        }
        return keyId;
    }

    /// <summary>Publishes a public key of Google's own (SubjectPublicKeyInfo, base64), so a real Google-signed callback verifies.</summary>
    public void PublishKey(long keyId, string base64)
    {
        lock (gate)
        {
            published[keyId] = base64;
        }
    }

    /// <summary>The callback query AdMob would send: parameters in AdMob's order, then signature and key_id, percent-encoded.</summary>
    public string Callback(long keyId, string transactionId, string userId, string? customData = null, int rewardAmount = 10, ECDsa? signer = null,
        string adUnit = OurAdUnit, DateTimeOffset? timestamp = null)
    {
        var parameters = new List<(string Key, string Value)>
        {
            ("ad_network", "5450213213286189855"),
            ("ad_unit", adUnit),
        };
        if (customData is not null)
        {
            parameters.Add(("custom_data", customData));
        }
        parameters.Add(("reward_amount", rewardAmount.ToString(CultureInfo.InvariantCulture)));
        parameters.Add(("reward_item", "credits"));
        parameters.Add(("timestamp", (timestamp ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        parameters.Add(("transaction_id", transactionId));
        parameters.Add(("user_id", userId));
        var signed = string.Join('&', parameters.Select(p => $"{p.Key}={p.Value}"));
        var encoded = string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return Sign(keyId, signed, encoded, signer);
    }

    /// <summary>
    /// Signs the decoded content as Google does and appends signature and key_id to the query text given, which may encode
    /// that content in any way that decodes to it (as an attacker replaying a signed callback can).
    /// </summary>
    public string Sign(long keyId, string signedContent, string query, ECDsa? signer = null)
    {
        ECDsa key;
        lock (gate)
        {
            key = signer ?? served[keyId];
        }
        var signature = key.SignData(Encoding.UTF8.GetBytes(signedContent), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return $"{query}&signature={Base64Url.EncodeToString(signature)}&key_id={keyId}";
    }

    protected override IResult Failure() => Results.StatusCode(500);

    protected override void Release()
    {
        foreach (var key in served.Values)
        {
            key.Dispose();
        }
    }

    protected override void Map(WebApplication server) =>
        server.MapGet("/admob/reward/verifier-keys.json", () =>
        {
            var keys = new JsonArray();
            lock (gate)
            {
                foreach (var (id, key) in served)
                {
                    keys.Add(new JsonObject
                    {
                        ["keyId"] = id,
                        ["pem"] = key.ExportSubjectPublicKeyInfoPem(),
                        ["base64"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
                    });
                }
                foreach (var (id, base64) in published)
                {
                    keys.Add(new JsonObject { ["keyId"] = id, ["base64"] = base64 });
                }
            }
            return Results.Json(new JsonObject { ["keys"] = keys });
        });
}
