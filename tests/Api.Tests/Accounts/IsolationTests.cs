using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Accounts;

public sealed class IsolationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task no_endpoint_shows_or_changes_another_users_data()
    {
        var aliceEmail = ApiFactory.NewEmail();
        var alice = await api.SignUpAsync(aliceEmail);
        var aliceKey = await api.CreateApiKeyAsync(alice, "alice's key");
        var aliceKeyId = (await (await alice.Http.GetAsync("/api/v1/api-keys")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();
        var bob = await api.SignUpAsync();
        var bobKey = await api.CreateApiKeyAsync(bob, "bob's key");

        foreach (var client in new[] { bob.Http, api.WithKey(bobKey) })
        {
            var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();
            Assert.NotEqual(aliceEmail, me.GetProperty("email").GetString());
            var entries = await (await client.GetAsync("/api/v1/credits/entries")).JsonAsync();
            Assert.Single(entries.GetProperty("items").EnumerateArray());
        }
        // Keys never reach the key list at all (ApiKeyScopeTests); the session sees only its own.
        var keys = await (await bob.Http.GetAsync("/api/v1/api-keys")).JsonAsync();
        Assert.DoesNotContain("alice", keys.ToString(), StringComparison.Ordinal);
        await (await bob.Http.DeleteAsync($"/api/v1/api-keys/{aliceKeyId}")).ProblemAsync(HttpStatusCode.NotFound);

        var stillAlice = await (await api.WithKey(aliceKey).GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal(aliceEmail, stillAlice.GetProperty("email").GetString());
    }

    [Fact]
    public async Task deleting_the_account_removes_it_with_its_keys_and_ledger()
    {
        var email = ApiFactory.NewEmail();
        var browser = await api.SignUpAsync(email);
        var key = await api.CreateApiKeyAsync(browser);
        var id = Guid.Parse((await (await browser.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString()!);

        await (await browser.Http.DeleteAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.NoContent);

        await (await api.WithKey(key).GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        var login = await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword });
        await login.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await api.InDbAsync(db => Task.FromResult(db.CreditEntries.Count(e => e.UserId == id) + db.ApiKeys.Count(k => k.UserId == id))));
    }
}
