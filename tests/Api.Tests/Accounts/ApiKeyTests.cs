using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Testing;

namespace AutoMl.Api.Tests.Accounts;

public sealed class ApiKeyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task a_new_key_is_shown_once_and_authenticates_as_its_owner()
    {
        var email = ApiFactory.NewEmail();
        var browser = await api.SignUpAsync(email);

        var created = await (await browser.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "CI pipeline" })).JsonAsync(HttpStatusCode.Created);
        var key = created.GetProperty("key").GetString()!;
        Assert.StartsWith("aml_", key, StringComparison.Ordinal);
        Assert.StartsWith(created.GetProperty("prefix").GetString()!, key, StringComparison.Ordinal);

        var me = await (await api.WithKey(key).GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal(email, me.GetProperty("email").GetString());

        var list = await (await browser.Http.GetAsync("/api/v1/api-keys")).JsonAsync();
        var listed = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("CI pipeline", listed.GetProperty("name").GetString());
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.DoesNotContain(key, list.ToString(), StringComparison.Ordinal);
        var stored = await api.InDbAsync(db => Task.FromResult(db.ApiKeys.Single(k => k.Name == "CI pipeline" && k.Prefix == created.GetProperty("prefix").GetString())));
        Assert.NotEqual(key, stored.KeyHash);
    }

    [Fact]
    public async Task a_keys_list_shows_when_each_key_was_last_used()
    {
        var browser = await api.SignUpAsync();
        using var used = api.WithKey(await api.CreateApiKeyAsync(browser, "used"));
        await api.CreateApiKeyAsync(browser, "idle");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await (await used.GetAsync("/api/v1/credits")).EnsureStatusAsync(HttpStatusCode.OK);

        // Written in the background within a second or two (ApiKeyUsage), never by the request itself.
        var keys = await Eventually.ReadAsync(async () => (await (await browser.Http.GetAsync("/api/v1/api-keys")).JsonAsync()).GetProperty("items").EnumerateArray().ToList(),
            items => items.Single(k => k.GetProperty("name").GetString() == "used").GetProperty("lastUsedAt").ValueKind == System.Text.Json.JsonValueKind.String,
            "the used key's last use on the list", TimeSpan.FromSeconds(10));
        var lastUsed = keys.Single(k => k.GetProperty("name").GetString() == "used").GetProperty("lastUsedAt").GetDateTimeOffset();
        Assert.InRange(lastUsed, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, keys.Single(k => k.GetProperty("name").GetString() == "idle").GetProperty("lastUsedAt").ValueKind);
    }

    [Fact]
    public async Task a_revoked_key_is_401_with_a_reason()
    {
        var browser = await api.SignUpAsync();
        var key = await api.CreateApiKeyAsync(browser);
        var id = (await (await browser.Http.GetAsync("/api/v1/api-keys")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();

        await (await browser.Http.DeleteAsync($"/api/v1/api-keys/{id}")).EnsureStatusAsync(HttpStatusCode.NoContent);

        var problem = await (await api.WithKey(key).GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await (await browser.Http.GetAsync("/api/v1/api-keys")).JsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task a_made_up_key_and_no_credentials_are_401()
    {
        await (await api.WithKey("aml_" + new string('x', 43)).GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        var anonymous = await api.CreateClient().GetAsync("/api/v1/me");
        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(anonymous.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task a_key_needs_a_name()
    {
        var browser = await api.SignUpAsync();
        var response = await browser.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "" });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("name", problem.GetProperty("errors").ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task cookie_requests_that_change_state_need_the_antiforgery_header()
    {
        var browser = await api.SignUpAsync();
        var cookies = browser.Cookies.GetCookieHeader(new Uri("http://localhost"));
        var forged = api.CreateClient();
        forged.DefaultRequestHeaders.Add("Cookie", cookies);

        var response = await forged.PostAsJsonAsync("/api/v1/api-keys", new { name = "from another site" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("X-XSRF-TOKEN", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await (await browser.Http.GetAsync("/api/v1/api-keys")).JsonAsync()).GetProperty("items").EnumerateArray());
    }
}
