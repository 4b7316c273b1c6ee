using System.Net;
using AutoMl.Api.Tests.Payments;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Rewards;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Rewards;

public sealed class AdMobCallbackTests(PaymentsFactory api) : IClassFixture<PaymentsFactory>
{
    private const long RewardCredits = 7;

    [Fact]
    public async Task a_valid_callback_credits_the_configured_reward_once_and_a_replay_is_rejected_and_logged()
    {
        var browser = await api.SignUpAsync();
        var user = await PaymentsFactory.UserIdAsync(browser);
        var transaction = Guid.NewGuid().ToString("N");
        var callback = api.AdMob.Callback(PaymentsFactory.AdMobKeyId, transaction, user.ToString(), "device=phone-1", rewardAmount: 1000);

        var first = await (await CallAsync(callback)).JsonAsync();
        var replay = await (await CallAsync(callback)).JsonAsync();

        Assert.Equal("credited", first.GetProperty("status").GetString());
        Assert.Equal("replayed", replay.GetProperty("status").GetString());
        Assert.Equal(100 + RewardCredits, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
        Assert.True(api.Logs.Any("AdMob callback rejected", transaction, "replayed"));
        var claim = await api.InDbAsync(db => db.AdClaims.SingleAsync(c => c.TransactionId == transaction));
        Assert.Equal(AdClaimStatus.Credited, claim.Status);
        Assert.Equal("phone-1", claim.DeviceId);
    }

    [Fact]
    public async Task the_user_can_come_in_custom_data_percent_encoded()
    {
        var browser = await api.SignUpAsync();
        var user = await PaymentsFactory.UserIdAsync(browser);
        var callback = api.AdMob.Callback(PaymentsFactory.AdMobKeyId, Guid.NewGuid().ToString("N"), "", $"user={user} device=tablet 9");

        Assert.Equal("credited", (await (await CallAsync(callback)).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(100 + RewardCredits, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
    }

    [Theory]
    [InlineData("tampered amount", "signature does not match")]
    [InlineData("unknown key", "not one of AdMob's verifier keys")]
    [InlineData("bad signature", "signature does not match")]
    [InlineData("no signature", "not an AdMob callback")]
    public async Task a_tampered_amount_an_unknown_key_or_a_bad_signature_is_rejected_and_logged(string flaw, string logged)
    {
        var browser = await api.SignUpAsync();
        var user = (await PaymentsFactory.UserIdAsync(browser)).ToString();
        var transaction = Guid.NewGuid().ToString("N");
        using var stranger = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var callback = flaw switch
        {
            "tampered amount" => api.AdMob.Callback(PaymentsFactory.AdMobKeyId, transaction, user, rewardAmount: 10).Replace("reward_amount=10", "reward_amount=5000", StringComparison.Ordinal),
            "unknown key" => api.AdMob.Callback(987654, transaction, user, signer: stranger),
            "bad signature" => api.AdMob.Callback(PaymentsFactory.AdMobKeyId, transaction, user, signer: stranger),
            _ => api.AdMob.Callback(PaymentsFactory.AdMobKeyId, transaction, user).Split("&signature=")[0],
        };

        var problem = await (await CallAsync(callback)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(logged, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(api.Logs.Any("AdMob callback rejected", transaction, logged));
        Assert.Equal(100, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
        Assert.False(await api.InDbAsync(db => db.AdClaims.AnyAsync(c => c.TransactionId == transaction)));
    }

    [Fact]
    public async Task the_daily_cap_holds_under_twenty_parallel_claims()
    {
        var browser = await api.SignUpAsync();
        var user = await PaymentsFactory.UserIdAsync(browser);
        var callbacks = Enumerable.Range(0, 20)
            .Select(i => api.AdMob.Callback(PaymentsFactory.AdMobKeyId, Guid.NewGuid().ToString("N"), user.ToString(), $"device=phone-{i}"))
            .ToList();

        var answers = await Task.WhenAll(callbacks.Select(CallAsync));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(100 + (5 * RewardCredits), (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
        var statuses = await api.InDbAsync(db => db.AdClaims.Where(c => c.UserId == user).Select(c => c.Status).ToListAsync());
        Assert.Equal(5, statuses.Count(s => s == AdClaimStatus.Credited));
        Assert.Equal(15, statuses.Count(s => s == AdClaimStatus.Capped));
        Assert.Equal(5, await api.InDbAsync(db => db.CreditEntries.CountAsync(e => e.UserId == user && e.Kind == CreditEntryKind.AdReward)));
    }

    [Fact]
    public async Task a_rotated_key_is_fetched_again_when_a_callback_names_it()
    {
        var browser = await api.SignUpAsync();
        var user = (await PaymentsFactory.UserIdAsync(browser)).ToString();
        await (await CallAsync(api.AdMob.Callback(PaymentsFactory.AdMobKeyId, Guid.NewGuid().ToString("N"), user, "device=a"))).JsonAsync();
        var rotated = api.AdMob.AddKey(2002);
        var fetches = api.AdMob.Requests.Count;

        var answer = await (await CallAsync(api.AdMob.Callback(rotated, Guid.NewGuid().ToString("N"), user, "device=b"))).JsonAsync();

        Assert.Equal("credited", answer.GetProperty("status").GetString());
        Assert.Equal(fetches + 1, api.AdMob.Requests.Count);
    }

    private Task<HttpResponseMessage> CallAsync(string query) => api.CreateClient().GetAsync("/webhooks/admob?" + query);
}
