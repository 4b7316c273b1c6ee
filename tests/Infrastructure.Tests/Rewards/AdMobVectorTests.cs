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

    [Fact]
    public void the_real_callbacks_fields_are_read_from_the_content_its_signature_covers()
    {
        Assert.True(AdMobSignature.TryParse(Vectors[0].GetProperty("query").GetString()!, out var content, out _, out _));

        var callback = AdMobCallback.Read(content, out var problem);

        Assert.Equal("", problem);
        Assert.Equal(new AdMobCallback("147f17287596c1e105dc48686abaaf5e", "hIUa1gWJKIhyoD2QMYxzog521O62", "3826813800", 1603301304534, null, null), callback);
    }

    [Fact]
    public void an_ampersand_inside_custom_data_stays_in_it_and_a_parameter_smuggled_through_it_is_a_repeated_key()
    {
        Assert.True(AdMobSignature.TryParse(Vectors[1].GetProperty("query").GetString()!, out var content, out _, out _));
        var withAmpersand = content.Replace("custom_data=job=42 pack=small", "custom_data=device=d1&ip=192.0.2.1", StringComparison.Ordinal);
        var smuggled = content.Replace("custom_data=job=42 pack=small", "custom_data=x&user_id=someone-else", StringComparison.Ordinal);

        var read = AdMobCallback.Read(withAmpersand, out _);
        var refused = AdMobCallback.Read(smuggled, out var problem);

        Assert.Equal(("d1", "192.0.2.1", "user-7"), (read!.DeviceId, read.Ip, read.UserId));
        Assert.Null(refused);
        Assert.Equal("user_id appears more than once", problem);
    }
}
