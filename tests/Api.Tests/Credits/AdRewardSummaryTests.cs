using AutoMl.Api.Tests.Payments;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Credits;

public sealed class AdRewardSummaryTests(PaymentsFactory api) : IClassFixture<PaymentsFactory>
{
    [Fact]
    public async Task the_summary_adds_up_the_ad_rewards_and_nothing_else()
    {
        var browser = await api.SignUpAsync();
        var user = (await PaymentsFactory.UserIdAsync(browser)).ToString();
        var none = await (await browser.Http.GetAsync("/api/v1/credits/ad-rewards")).JsonAsync();
        Assert.Equal(0, none.GetProperty("totalCredits").GetInt64());
        Assert.Equal(0, none.GetProperty("recent").GetArrayLength());

        foreach (var device in new[] { "device=a", "device=b" })
        {
            var callback = api.AdMob.Callback(PaymentsFactory.AdMobKeyId, Guid.NewGuid().ToString("N"), user, device);
            (await api.CreateClient().GetAsync("/webhooks/admob?" + callback)).EnsureSuccessStatusCode();
        }

        var summary = await (await browser.Http.GetAsync("/api/v1/credits/ad-rewards")).JsonAsync();
        var balance = (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64();
        // The sign-up bonus is in the balance but is not an ad reward.
        Assert.Equal(balance - 100, summary.GetProperty("totalCredits").GetInt64());
        Assert.True(summary.GetProperty("totalCredits").GetInt64() > 0);
        Assert.Equal(2, summary.GetProperty("count").GetInt32());
        Assert.All(summary.GetProperty("recent").EnumerateArray(), e => Assert.Equal("adReward", e.GetProperty("kind").GetString()));
    }
}
