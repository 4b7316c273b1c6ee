using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Accounts;

/// <summary>New keys, account deletion and billing need a cookie session signed in within the last ten minutes.</summary>
public sealed class RecentSignInTests(AuthAttackApiFactory api) : IClassFixture<AuthAttackApiFactory>
{
    private const string SignInAgain = "urn:automl:problem:sign-in-again";

    [Fact]
    public async Task an_api_key_cannot_create_api_keys()
    {
        var email = ApiFactory.NewEmail();
        var browser = await api.SignUpFromAsync(ClientAddressHeader.NewAddress(), email);
        var key = api.WithKey(await api.CreateApiKeyAsync(browser));

        var newKey = await key.PostAsJsonAsync("/api/v1/api-keys", new { name = "minted by a leaked key" });
        var deletion = await key.DeleteAsync("/api/v1/me");
        var checkout = await key.PostAsJsonAsync("/api/v1/billing/checkout", new { pack = "small" });
        var portal = await key.GetAsync("/api/v1/billing/portal");

        foreach (var refused in new[] { newKey, deletion, checkout, portal })
        {
            // A key never does these, whatever its scope or age: the answer names the signed-in session they need.
            var problem = await refused.ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("session", problem.GetProperty("requiredScope").GetString());
        }
        var owner = await api.InDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await api.InDbAsync(db => db.ApiKeys.CountAsync(k => k.UserId == owner)));
    }

    [Fact]
    public async Task a_session_older_than_ten_minutes_must_sign_in_again_to_create_a_key()
    {
        var email = ApiFactory.NewEmail();
        var browser = await api.SignUpFromAsync(ClientAddressHeader.NewAddress(), email);
        await (await browser.Http.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);

        api.Clock.Advance(TimeSpan.FromMinutes(11));
        var stale = await browser.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "from an old session" });
        var deletion = await browser.Http.DeleteAsync("/api/v1/me");
        var portal = await browser.Http.GetAsync("/api/v1/billing/portal");

        foreach (var refused in new[] { stale, deletion, portal })
        {
            var problem = await refused.ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal(SignInAgain, problem.GetProperty("type").GetString());
            Assert.Contains("Sign in again", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.True(await api.InDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        // The session itself is still good for everything else.
        await (await browser.Http.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);

        await (await browser.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);
        await (await browser.Http.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);
        await (await browser.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "after signing in again" })).EnsureStatusAsync(HttpStatusCode.Created);
    }
}
