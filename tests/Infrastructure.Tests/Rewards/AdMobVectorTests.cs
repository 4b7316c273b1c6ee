using System.Text.Json;
using AutoMl.Infrastructure.Rewards;
using AutoMl.Testing;

namespace AutoMl.Infrastructure.Tests.Rewards;

public sealed class AdMobVectorTests
{
    private static readonly JsonElement Vectors = JsonDocument.Parse(File.ReadAllText(TestData.Path("vectors/admob-ssv.json"))).RootElement.GetProperty("vectors");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void both_shared_admob_callbacks_verify_with_their_published_keys(int index)
    {
        var vector = Vectors[index];
        var keys = AdMobKeys.Parse(vector.GetProperty("keys_json").GetRawText());

        Assert.True(AdMobSignature.TryParse(vector.GetProperty("query").GetString()!, out var content, out var signature, out var keyId));
        Assert.True(AdMobSignature.Verify(content, signature, keys[keyId]));
        if (vector.TryGetProperty("signed_content", out var expected))
        {
            Assert.Equal(expected.GetString(), content);
        }
    }

    [Fact]
    public void the_tink_vector_key_reads_the_same_from_pem_and_from_base64()
    {
        var key = Vectors[1].GetProperty("keys_json").GetProperty("keys")[0];
        var fromPem = AdMobKeys.Parse($$"""{"keys":[{"keyId":1234,"pem":{{JsonSerializer.Serialize(key.GetProperty("pem").GetString())}}}]}""");

        Assert.Equal(Convert.FromBase64String(key.GetProperty("base64").GetString()!), fromPem[1234]);
    }

    [Theory]
    [InlineData("reward_amount=5&", "reward_amount=50&")]
    [InlineData("user_id=hIUa1gWJKIhyoD2QMYxzog521O62", "user_id=someone-else")]
    [InlineData("&signature=MEQCIFbib", "&signature=MEQCIFbia")]
    public void a_changed_parameter_or_signature_fails_verification(string from, string to)
    {
        var vector = Vectors[0];
        var keys = AdMobKeys.Parse(vector.GetProperty("keys_json").GetRawText());
        var query = vector.GetProperty("query").GetString()!.Replace(from, to, StringComparison.Ordinal);

        var parsed = AdMobSignature.TryParse(query, out var content, out var signature, out var keyId);

        Assert.False(parsed && AdMobSignature.Verify(content, signature, keys[keyId]));
    }

    [Fact]
    public void verifying_the_raw_percent_encoded_text_fails_as_the_vector_warns()
    {
        var vector = Vectors[1];
        var keys = AdMobKeys.Parse(vector.GetProperty("keys_json").GetRawText());
        var raw = vector.GetProperty("query").GetString()!;
        Assert.True(AdMobSignature.TryParse(raw, out _, out var signature, out var keyId));

        Assert.False(AdMobSignature.Verify(raw[..raw.IndexOf("&signature=", StringComparison.Ordinal)], signature, keys[keyId]));
    }
}
