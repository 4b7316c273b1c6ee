using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Admin;

/// <summary>Issue 30's admin console on REST: finding accounts, reading one, and setting its tier.</summary>
public sealed class AdminUserTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task a_tier_change_is_audited_once_and_the_user_gets_the_new_limits_at_once()
    {
        var admin = await api.AdminAsync();
        var user = await api.SignUpAsync();
        var before = await user.Http.GetAsync("/api/v1/me");
        var id = (await before.JsonAsync()).GetProperty("id").GetString();
        Assert.Equal("\"general\";q=20;w=4", Policy(before));
        var tooLong = await QuoteAsync(user, budgetSeconds: 3600);
        Assert.Equal("Budget too long", (await tooLong.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("title").GetString());

        var changed = await (await admin.Http.PutAsJsonAsync($"/api/v1/admin/users/{id}/tier", new { tier = "pro", reason = "Sales deal #42" })).JsonAsync();
        await (await admin.Http.PutAsJsonAsync($"/api/v1/admin/users/{id}/tier", new { tier = "pro", reason = "Sales deal #42" })).EnsureStatusAsync(HttpStatusCode.OK);

        Assert.Equal("pro", changed.GetProperty("tier").GetString());
        var after = await user.Http.GetAsync("/api/v1/me");
        Assert.Equal("pro", (await after.JsonAsync()).GetProperty("tier").GetString());
        // The rate limiter had remembered "free" a moment ago; the change reaches it without waiting.
        Assert.Equal("\"general\";q=200;w=4", Policy(after));
        // An hour's budget is now allowed: the quote goes on to look for the data set.
        var allowed = await (await QuoteAsync(user, budgetSeconds: 3600)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("No data set", allowed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var trail = (await (await admin.Http.GetAsync($"/api/v1/admin/audit?userId={id}&action=tier-change")).JsonAsync()).GetProperty("items");
        var row = Assert.Single(trail.EnumerateArray());
        Assert.Equal("free → pro: Sales deal #42", row.GetProperty("detail").GetString());

        await (await admin.Http.PutAsJsonAsync($"/api/v1/admin/users/{id}/tier", new { tier = "Enterprise", reason = "Signed the enterprise contract" })).JsonAsync();
        Assert.Equal("\"general\";q=1000;w=5", Policy(await user.Http.GetAsync("/api/v1/me")));
        var bad = await admin.Http.PutAsJsonAsync($"/api/v1/admin/users/{id}/tier", new { tier = "gold", reason = "Typo" });
        Assert.Contains("free, pro or enterprise", (await bad.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_admin_finds_a_user_by_part_of_the_email_or_id_and_reads_their_account()
    {
        var admin = await api.AdminAsync();
        var email = ApiFactory.NewEmail();
        var user = await api.SignUpAsync(email);
        await api.CreateApiKeyAsync(user);
        await (await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);
        var id = (await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString();

        var byPart = await (await admin.Http.GetAsync($"/api/v1/admin/users?query={Uri.EscapeDataString(email[5..20].ToUpperInvariant())}")).JsonAsync();
        var byId = await (await admin.Http.GetAsync($"/api/v1/admin/users?query={id}")).JsonAsync();
        var byEmail = await (await admin.Http.GetAsync($"/api/v1/admin/users?email={Uri.EscapeDataString(email)}")).JsonAsync();
        var wildcard = await (await admin.Http.GetAsync("/api/v1/admin/users?query=%25")).JsonAsync();
        var one = await (await admin.Http.GetAsync($"/api/v1/admin/users/{id}")).JsonAsync();

        Assert.Equal(id, Assert.Single(byPart.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(id, Assert.Single(byId.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(id, Assert.Single(byEmail.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Empty(wildcard.GetProperty("items").EnumerateArray());
        Assert.Equal(email, one.GetProperty("email").GetString());
        Assert.Equal(100, one.GetProperty("balance").GetInt64());
        Assert.Equal(1, one.GetProperty("counts").GetProperty("apiKeys").GetInt32());
        Assert.Equal(0, one.GetProperty("counts").GetProperty("jobs").GetInt32());
        Assert.Equal(JsonValueKind.String, one.GetProperty("lastSignInAt").ValueKind);
        Assert.False(one.GetProperty("isAdmin").GetBoolean());
        var keys = await (await admin.Http.GetAsync($"/api/v1/admin/users/{id}/keys")).JsonAsync();
        Assert.Equal("ci", Assert.Single(keys.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Empty((await (await admin.Http.GetAsync($"/api/v1/admin/users/{id}/jobs")).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Empty((await (await admin.Http.GetAsync($"/api/v1/admin/users/{id}/datasets")).JsonAsync()).GetProperty("items").EnumerateArray());
        await (await admin.Http.GetAsync($"/api/v1/admin/users/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.Http.GetAsync("/api/v1/admin/users?tier=gold")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task a_user_who_is_not_an_admin_gets_403_on_every_admin_console_route_even_with_an_admins_key()
    {
        var admin = await api.AdminAsync();
        var user = await api.SignUpAsync();
        var id = (await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString();
        using var adminKey = api.WithKey(await api.CreateApiKeyAsync(admin, scope: "full"));

        foreach (var http in new[] { user.Http, adminKey })
        {
            foreach (var request in Routes(id!))
            {
                var response = await http.SendAsync(request());
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{request().RequestUri} answered {response.StatusCode}");
            }
        }
        Assert.Equal("free", (await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("tier").GetString());
    }

    [Fact]
    public async Task only_an_admin_makes_an_admin_key_and_it_is_an_admin_only_while_its_owner_is_one()
    {
        var admin = await api.AdminAsync();
        var user = await api.SignUpAsync();
        using var adminKey = api.WithKey(await api.CreateApiKeyAsync(admin, scope: "admin"));

        var refused = await user.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "sneaky", scope = "admin" });
        var listed = await adminKey.GetAsync("/api/v1/admin/users?pageSize=1");

        Assert.Contains("Only admins", (await refused.ProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await listed.EnsureStatusAsync(HttpStatusCode.OK);
        await (await adminKey.PostAsJsonAsync("/api/v1/api-keys", new { name = "wider" })).ProblemAsync(HttpStatusCode.Forbidden);
        var adminId = (await (await admin.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString();
        await api.InDbAsync(db => db.UserRoles.Where(r => r.UserId == Guid.Parse(adminId!)).ExecuteDeleteAsync());
        await (await adminKey.GetAsync("/api/v1/admin/users?pageSize=1")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    internal static IEnumerable<Func<HttpRequestMessage>> Routes(string id) =>
    [
        () => new(HttpMethod.Get, "/api/v1/admin/users?query=a"),
        () => new(HttpMethod.Get, $"/api/v1/admin/users/{id}"),
        () => new(HttpMethod.Get, $"/api/v1/admin/users/{id}/jobs"),
        () => new(HttpMethod.Get, $"/api/v1/admin/users/{id}/datasets"),
        () => new(HttpMethod.Get, $"/api/v1/admin/users/{id}/keys"),
        () => new(HttpMethod.Put, $"/api/v1/admin/users/{id}/tier") { Content = JsonContent.Create(new { tier = "enterprise", reason = "Myself" }) },
        () => new(HttpMethod.Post, $"/api/v1/admin/users/{id}/suspend") { Content = JsonContent.Create(new { reason = "Someone" }) },
        () => new(HttpMethod.Post, $"/api/v1/admin/users/{id}/unsuspend") { Content = JsonContent.Create(new { }) },
        () => new(HttpMethod.Get, "/api/v1/admin/figures"),
    ];

    private static Task<HttpResponseMessage> QuoteAsync(BrowserClient user, int budgetSeconds) =>
        user.Http.PostAsJsonAsync("/api/v1/jobs/quote", new { datasetId = Guid.NewGuid(), target = "y", budgetSeconds });

    private static string Policy(HttpResponseMessage response) => string.Join(",", response.Headers.GetValues("RateLimit-Policy"));
}
