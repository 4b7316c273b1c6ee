using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoMl.Api.Tests.Audit;

/// <summary>The audit trail: one row per act, each chained to the one before, readable by its user and by admins.</summary>
public sealed class AuditTrailTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task each_act_on_an_account_leaves_exactly_one_row_and_its_user_sees_only_their_own()
    {
        var email = ApiFactory.NewEmail();
        var user = await api.SignUpAsync(email);
        var me = await (await user.Http.GetAsync("/api/v1/me")).JsonAsync();
        var userId = me.GetProperty("id").GetString();

        var stranger = api.Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "not the password" })).StatusCode);
        await (await stranger.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);
        var key = await (await user.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "ci" })).JsonAsync(HttpStatusCode.Created);
        await (await user.Http.DeleteAsync($"/api/v1/api-keys/{key.GetProperty("id").GetString()}")).EnsureStatusAsync(HttpStatusCode.NoContent);
        await (await user.Http.PostAsJsonAsync("/api/v1/auth/password/change", new { currentPassword = ApiFactory.GoodPassword, newPassword = "a new horse battery staple" }))
            .EnsureStatusAsync(HttpStatusCode.NoContent);

        var admin = await api.AdminAsync();
        await (await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{userId}/credits", new { amount = 25, reason = "goodwill" })).EnsureStatusAsync(HttpStatusCode.OK);

        var events = await EventsAsync(user.Http);
        string[] expected = ["credit-adjustment success", "password-change success", "api-key-revoke success", "api-key-create success", "sign-in success", "sign-in failure"];
        Assert.Equal(expected, events.Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("outcome").GetString()}"));
        Assert.Contains("+25 credits: goodwill", events[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("api-key", events[3].GetProperty("targetType").GetString());
        Assert.Equal(key.GetProperty("id").GetString(), events[3].GetProperty("targetId").GetString());
        Assert.Equal("Wrong password.", events[5].GetProperty("detail").GetString());
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("address").GetString())));

        // Another account sees none of it, and only admins read the whole trail.
        var other = await api.SignUpAsync();
        Assert.DoesNotContain(await EventsAsync(other.Http), e => e.GetProperty("userId").GetString() == userId);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync("/api/v1/admin/audit")).StatusCode);
        var filtered = await (await admin.Http.GetAsync($"/api/v1/admin/audit?userId={userId}&action=sign-in")).JsonAsync();
        Assert.Equal(2, filtered.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task an_edited_row_breaks_the_chain_at_that_row_and_the_table_refuses_edits()
    {
        var user = await api.SignUpAsync();
        await (await user.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "one" })).JsonAsync(HttpStatusCode.Created);
        await (await user.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "two" })).JsonAsync(HttpStatusCode.Created);
        var admin = await api.AdminAsync();
        var intact = await (await admin.Http.GetAsync("/api/v1/admin/audit/verify")).JsonAsync();
        Assert.True(intact.GetProperty("intact").GetBoolean(), intact.ToString());
        Assert.True(intact.GetProperty("checked").GetInt64() >= 3);

        var target = (await EventsAsync(user.Http)).Last().GetProperty("id").GetInt64();
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            api.InDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE audit_events SET detail = 'nothing to see' WHERE id = {target}")));
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);

        // Someone who can turn the guard off can edit a row; the chain then names it.
        await api.InDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
            await db.Database.ExecuteSqlAsync($"UPDATE audit_events SET actor = 'someone else' WHERE id = {target}");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
            await tx.CommitAsync();
            return 0;
        });
        var broken = await (await admin.Http.GetAsync("/api/v1/admin/audit/verify")).JsonAsync();
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(target, broken.GetProperty("brokenAt").GetInt64());
        Assert.Contains($"Row {target}", broken.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> EventsAsync(HttpClient http) =>
        (await (await http.GetAsync("/api/v1/me/security-events?pageSize=200")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
}
