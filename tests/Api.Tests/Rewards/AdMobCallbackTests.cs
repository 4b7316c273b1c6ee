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

    [Fact]
    public async Task a_callback_from_another_publishers_ad_unit_credits_nothing()
    {
        var browser = await api.SignUpAsync();
        var user = (await PaymentsFactory.UserIdAsync(browser)).ToString();
        var transaction = Guid.NewGuid().ToString("N");
        // Google signs every publisher's callbacks with the same keys: this one is genuine, for someone else's ad unit.
        var callback = api.AdMob.Callback(PaymentsFactory.AdMobKeyId, transaction, user, $"device={Guid.NewGuid():N}", adUnit: "9876543210");

        var problem = await (await CallAsync(callback)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("ad unit 9876543210 is not one of ours", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(api.Logs.Any("AdMob callback rejected", transaction, "9876543210"));
        await AssertNothingCreditedAsync(browser, transaction);
    }

    [Fact]
    public async Task a_callback_with_a_repeated_key_credits_nothing()
    {
        var browser = await api.SignUpAsync();
        var user = (await PaymentsFactory.UserIdAsync(browser)).ToString();
        var transaction = Guid.NewGuid().ToString("N");
        var second = Guid.NewGuid().ToString("N");
        // The viewer's app sets custom_data; Google signs the decoded text, where it reads as a second transaction_id.
        var signed = $"ad_network=5450213213286189855&ad_unit={FakeAdMob.OurAdUnit}&custom_data=x&transaction_id={second}"
            + $"&reward_amount=10&reward_item=credits&timestamp={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}&transaction_id={transaction}&user_id={user}";
        var asGoogleSendsIt = api.AdMob.Sign(PaymentsFactory.AdMobKeyId, signed, signed.Replace("custom_data=x&", "custom_data=x%26", StringComparison.Ordinal)
            .Replace($"%26transaction_id={second}", $"%26transaction_id%3D{second}", StringComparison.Ordinal));
        // The same signed text sent again with the '&' unencoded: one ad view, a second query parse, a second "transaction".
        var reencoded = api.AdMob.Sign(PaymentsFactory.AdMobKeyId, signed, signed);

        var answers = new[] { await CallAsync(asGoogleSendsIt), await CallAsync(reencoded) };

        foreach (var answer in answers)
        {
            var problem = await answer.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("transaction_id appears more than once", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        await AssertNothingCreditedAsync(browser, transaction);
        Assert.False(await api.InDbAsync(db => db.AdClaims.AnyAsync(c => c.UserId == Guid.Parse(user))));
    }

    [Fact]
    public async Task fields_outside_the_signed_content_are_not_read()
    {
        var browser = await api.SignUpAsync();
        var user = (await PaymentsFactory.UserIdAsync(browser)).ToString();
        var transaction = Guid.NewGuid().ToString("N");
        // Signed by Google for another publisher's ad unit, whose app put "&ad_unit=<ours>" in custom_data...
        var signed = $"ad_network=5450213213286189855&ad_unit=9876543210&custom_data=x&ad_unit={FakeAdMob.OurAdUnit}&reward_amount=10"
            + $"&reward_item=credits&timestamp={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}&transaction_id={transaction}&user_id={user}";
        // ...and re-encoded so a query parser finds their unit inside ad_network and ours as the ad_unit parameter. The
        // signature still verifies: it covers the decoded text, which is unchanged.
        var query = signed.Replace("5450213213286189855&ad_unit=9876543210", "5450213213286189855%26ad_unit%3D9876543210", StringComparison.Ordinal);
        Assert.Equal(signed, Uri.UnescapeDataString(query));

        var answer = await CallAsync(api.AdMob.Sign(PaymentsFactory.AdMobKeyId, signed, query));

        await answer.ProblemAsync(HttpStatusCode.BadRequest);
        await AssertNothingCreditedAsync(browser, transaction);
    }

    [Fact]
    public async Task a_callback_older_than_the_max_age_credits_nothing()
    {
        var browser = await api.SignUpAsync();
        var user = (await PaymentsFactory.UserIdAsync(browser)).ToString();
        var transaction = Guid.NewGuid().ToString("N");
        var callback = api.AdMob.Callback(PaymentsFactory.AdMobKeyId, transaction, user, $"device={Guid.NewGuid():N}",
            timestamp: DateTimeOffset.UtcNow.AddMinutes(-61));

        var problem = await (await CallAsync(callback)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("older than 60 minutes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingCreditedAsync(browser, transaction);
    }

    [Fact]
    public async Task a_callback_from_the_future_credits_nothing()
    {
        var browser = await api.SignUpAsync();
        var user = (await PaymentsFactory.UserIdAsync(browser)).ToString();
        var transaction = Guid.NewGuid().ToString("N");
        var callback = api.AdMob.Callback(PaymentsFactory.AdMobKeyId, transaction, user, $"device={Guid.NewGuid():N}",
            timestamp: DateTimeOffset.UtcNow.AddMinutes(10));

        var problem = await (await CallAsync(callback)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("in the future", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingCreditedAsync(browser, transaction);
    }

    [Fact]
    public async Task a_callback_within_the_clock_skew_is_credited()
    {
        var browser = await api.SignUpAsync();
        var user = (await PaymentsFactory.UserIdAsync(browser)).ToString();
        var callback = api.AdMob.Callback(PaymentsFactory.AdMobKeyId, Guid.NewGuid().ToString("N"), user, $"device={Guid.NewGuid():N}",
            timestamp: DateTimeOffset.UtcNow.AddMinutes(3));

        Assert.Equal("credited", (await (await CallAsync(callback)).JsonAsync()).GetProperty("status").GetString());
    }

    private async Task AssertNothingCreditedAsync(BrowserClient browser, string transaction)
    {
        Assert.Equal(100, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
        Assert.False(await api.InDbAsync(db => db.AdClaims.AnyAsync(c => c.TransactionId == transaction)));
    }

    private Task<HttpResponseMessage> CallAsync(string query) => api.CreateClient().GetAsync("/webhooks/admob?" + query);
}
