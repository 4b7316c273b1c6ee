using System.Net;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

public sealed class RateLimitTests(TinyRateLimitFactory api) : IClassFixture<TinyRateLimitFactory>
{
    [Fact]
    public async Task with_retries_off_a_429_throws_RateLimitedException_with_RetryAfter()
    {
        using var client = api.Client(await api.NewApiKeyAsync(), retries: false);

        var limited = await Assert.ThrowsAsync<RateLimitedException>(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await client.Credits.GetBalanceAsync();
            }
        });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.RetryAfter);
        Assert.InRange(limited.RetryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Assert.False(string.IsNullOrEmpty(limited.Title));
    }

    [Fact]
    public async Task with_retries_on_a_429_is_waited_out_and_the_request_succeeds()
    {
        using var client = api.Client(await api.NewApiKeyAsync(), retries: true);

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(0, (await client.Credits.GetBalanceAsync()).Held);
        }
    }
}
