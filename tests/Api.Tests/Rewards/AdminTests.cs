using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Payments;
using AutoMl.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Rewards;

public sealed class AdminTests(PaymentsFactory api) : IClassFixture<PaymentsFactory>
{
    [Fact]
    public async Task a_risky_claim_is_held_for_review_and_an_admin_approves_one_and_rejects_another()
    {
        var admin = await api.AdminAsync();
        var browser = await api.SignUpAsync();
        var user = (await PaymentsFactory.UserIdAsync(browser)).ToString();
        var statuses = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var query = api.AdMob.Callback(PaymentsFactory.AdMobKeyId, Guid.NewGuid().ToString("N"), user, "device=farm-1");
            statuses.Add((await (await api.CreateClient().GetAsync("/webhooks/admob?" + query)).JsonAsync()).GetProperty("status").GetString()!);
        }
        Assert.Equal(["credited", "credited", "held", "held"], statuses);
        Assert.Equal(100 + 14, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());

        var held = (await (await admin.Http.GetAsync("/api/v1/admin/ad-claims?status=held")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Where(c => c.GetProperty("userId").GetString() == user).ToList();
        Assert.Equal(2, held.Count);
        Assert.All(held, c => Assert.Contains("device", c.GetProperty("riskReasons").GetString(), StringComparison.Ordinal));
        Assert.All(held, c => Assert.True(c.GetProperty("riskScore").GetInt32() >= 30));

        await (await admin.Http.PostAsJsonAsync($"/api/v1/admin/ad-claims/{held[0].GetProperty("id")}/approve", new { note = "looks fine" })).EnsureStatusAsync(HttpStatusCode.NoContent);
        await (await admin.Http.PostAsJsonAsync($"/api/v1/admin/ad-claims/{held[1].GetProperty("id")}/reject", new { note = "click farm" })).EnsureStatusAsync(HttpStatusCode.NoContent);
        var twice = await admin.Http.PostAsJsonAsync($"/api/v1/admin/ad-claims/{held[0].GetProperty("id")}/approve", new { });

        await twice.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(100 + 21, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task an_admin_grants_and_takes_back_credits_with_a_reason_and_reads_the_users_ledger()
    {
        var admin = await api.AdminAsync();
        var email = ApiFactory.NewEmail();
        var browser = await api.SignUpAsync(email);
        var found = await (await admin.Http.GetAsync($"/api/v1/admin/users?email={Uri.EscapeDataString(email)}")).JsonAsync();
        var user = Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetString();

        await (await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{user}/credits", new { amount = 250, reason = "Conference voucher" })).JsonAsync();
        var tooMuch = await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{user}/credits", new { amount = -1000, reason = "Fraud" });
        var back = await (await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{user}/credits", new { amount = -50, reason = "Duplicate voucher" })).JsonAsync();

        await tooMuch.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(300, back.GetProperty("balance").GetInt64());
        Assert.Equal(300, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
        var ledger = await (await admin.Http.GetAsync($"/api/v1/admin/users/{user}/ledger")).JsonAsync();
        var references = ledger.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("reference").GetString()!).ToList();
        Assert.Equal(3, references.Count);
        Assert.Contains(references, r => r.StartsWith("Conference voucher", StringComparison.Ordinal));
        Assert.Contains(references, r => r.StartsWith("Duplicate voucher", StringComparison.Ordinal));

        // An API key acts as its user but never as an admin, even an admin's own key: keys end up in CI logs.
        using var withKey = api.CreateClient();
        withKey.DefaultRequestHeaders.Authorization = new("Bearer", await api.CreateApiKeyAsync(admin));
        await (await withKey.GetAsync($"/api/v1/admin/users/{user}/ledger")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await withKey.PostAsJsonAsync($"/api/v1/admin/users/{user}/credits", new { amount = 1000, reason = "From CI" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await withKey.GetAsync("/hangfire")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(300, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task a_user_who_is_not_an_admin_gets_403_from_every_admin_endpoint()
    {
        var browser = await api.SignUpAsync();
        var user = await PaymentsFactory.UserIdAsync(browser);

        await (await browser.Http.GetAsync("/api/v1/admin/ad-claims")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await browser.Http.PostAsJsonAsync($"/api/v1/admin/users/{user}/credits", new { amount = 1000, reason = "Myself" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await api.CreateClient().GetAsync($"/api/v1/admin/users/{user}/ledger")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(100, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
    }
}
