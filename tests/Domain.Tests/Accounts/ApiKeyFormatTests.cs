using AutoMl.Domain.Accounts;

namespace AutoMl.Domain.Tests.Accounts;

public sealed class ApiKeyFormatTests
{
    [Fact]
    public void new_keys_are_prefixed_unique_and_url_safe()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => ApiKeyFormat.NewKey()).ToList();

        Assert.All(keys, k => Assert.StartsWith("aml_", k, StringComparison.Ordinal));
        Assert.All(keys, k => Assert.Matches("^aml_[A-Za-z0-9_-]{43}$", k));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(keys, k => Assert.True(ApiKeyFormat.LooksLikeKey(k)));
    }

    [Fact]
    public void the_stored_hash_is_stable_and_does_not_contain_the_key()
    {
        var key = ApiKeyFormat.NewKey();

        Assert.Equal(ApiKeyFormat.Hash(key), ApiKeyFormat.Hash(key));
        Assert.NotEqual(ApiKeyFormat.Hash(key), ApiKeyFormat.Hash(ApiKeyFormat.NewKey()));
        Assert.Equal(64, ApiKeyFormat.Hash(key).Length);
        Assert.DoesNotContain(key[4..], ApiKeyFormat.Hash(key), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("aml_")]
    [InlineData("sk_live_0123456789012345678901234567890")]
    [InlineData("aml_short")]
    public void things_that_are_not_keys_are_not_taken_for_keys(string value) =>
        Assert.False(ApiKeyFormat.LooksLikeKey(value));

    [Fact]
    public void the_visible_prefix_identifies_a_key_without_revealing_it()
    {
        var key = ApiKeyFormat.NewKey();
        var prefix = ApiKeyFormat.VisiblePrefix(key);

        Assert.Equal(12, prefix.Length);
        Assert.StartsWith(prefix, key, StringComparison.Ordinal);
    }
}
