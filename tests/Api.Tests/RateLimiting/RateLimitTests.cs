using System.Net;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.RateLimiting;

public sealed class RateLimitTests(TightLimitsApiFactory api) : IClassFixture<TightLimitsApiFactory>
{
    [Fact]
    public async Task every_authenticated_answer_carries_the_policy_and_what_is_left()
    {
        var browser = await api.SignUpAsync();

        var response = await browser.Http.GetAsync("/api/v1/me");

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("\"general\";q=3;w=30", Header(response, "RateLimit-Policy"));
        Assert.Matches("^\"general\";r=2;t=[0-9]+$", Header(response, "RateLimit"));
    }

    [Fact]
    public async Task after_the_burst_the_answer_is_429_with_retry_after_and_a_way_out()
    {
        var browser = await api.SignUpAsync();
        for (var i = 0; i < TightLimitsApiFactory.Burst; i++)
        {
            await (await browser.Http.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);
        }

        var refused = await browser.Http.GetAsync("/api/v1/me");

        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(Header(refused, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 10);
        Assert.Contains($"Wait {retryAfter} second", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Matches("^\"general\";r=0;t=[0-9]+$", Header(refused, "RateLimit"));
    }

    [Fact]
    public async Task an_api_key_draws_from_the_same_bucket_as_its_owner()
    {
        var browser = await api.SignUpAsync();
        var key = await api.CreateApiKeyAsync(browser);
        var sdk = api.WithKey(key);

        await (await sdk.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);
        await (await browser.Http.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);

        await (await sdk.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task one_user_at_the_limit_does_not_limit_another()
    {
        var busy = await api.SignUpAsync();
        for (var i = 0; i <= TightLimitsApiFactory.Burst; i++)
        {
            await busy.Http.GetAsync("/api/v1/me");
        }
        var other = await api.SignUpAsync();

        await (await other.Http.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task anonymous_requests_are_not_rate_limited_by_user()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/me");

        await response.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.False(response.Headers.Contains("RateLimit"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"no {name} header");
}
