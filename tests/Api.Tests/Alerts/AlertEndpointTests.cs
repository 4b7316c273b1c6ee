using System.Net;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Workers.Alerts;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Alerts;

/// <summary>GET /admin/alerts and /admin/reconciliation: what an admin reads, and that nobody else reads it.</summary>
public sealed class AlertEndpointTests(AlertsFactory platform) : IClassFixture<AlertsFactory>
{
    [Fact]
    public async Task an_admin_reads_the_last_reconciliation_with_its_drift_and_the_alerts_by_status_and_a_user_is_refused()
    {
        var admin = await platform.AdminAsync();
        var user = await platform.SignUpAsync();
        var userId = (await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString();

        await (await user.Http.GetAsync("/api/v1/admin/alerts")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.Http.GetAsync("/api/v1/admin/reconciliation")).ProblemAsync(HttpStatusCode.Forbidden);
        var never = await (await admin.Http.GetAsync("/api/v1/admin/reconciliation")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("not been reconciled yet", never.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await SqlAsync($"UPDATE credit_accounts SET balance = balance + 5, held = held + 2 WHERE user_id = '{userId}'");
        await platform.ReconcileAsync();
        var drifting = await (await admin.Http.GetAsync("/api/v1/admin/reconciliation")).JsonAsync();
        Assert.False(drifting.GetProperty("balanced").GetBoolean());
        var row = Assert.Single(drifting.GetProperty("drift").EnumerateArray());
        Assert.Equal(userId, row.GetProperty("userId").GetString());
        Assert.Equal(105, row.GetProperty("balance").GetInt64());
        Assert.Equal(100, row.GetProperty("entriesSum").GetInt64());
        Assert.Equal(2, row.GetProperty("held").GetInt64());
        Assert.Equal(0, row.GetProperty("heldSum").GetInt64());

        await platform.RunAlertsAsync();
        var open = await ItemsAsync(admin, "/api/v1/admin/alerts?status=open");
        var drift = Assert.Single(open, a => a.GetProperty("rule").GetString() == AlertRules.LedgerDrift);
        Assert.Equal("critical", drift.GetProperty("severity").GetString());
        Assert.Equal(1, drift.GetProperty("value").GetDouble());
        Assert.Equal(0, drift.GetProperty("threshold").GetDouble());
        Assert.Equal(JsonValueKind.Null, drift.GetProperty("clearedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, drift.GetProperty("notifiedAt").ValueKind);
        Assert.Contains(userId!, drift.GetProperty("message").GetString(), StringComparison.Ordinal);

        await SqlAsync($"UPDATE credit_accounts SET balance = balance - 5, held = held - 2 WHERE user_id = '{userId}'");
        await platform.ReconcileAsync();
        var balanced = await (await admin.Http.GetAsync("/api/v1/admin/reconciliation")).JsonAsync();
        Assert.True(balanced.GetProperty("balanced").GetBoolean());
        Assert.Equal(0, balanced.GetProperty("drift").GetArrayLength());
        Assert.True(balanced.GetProperty("ranAt").GetDateTimeOffset() > drifting.GetProperty("ranAt").GetDateTimeOffset());

        await platform.RunAlertsAsync();
        Assert.DoesNotContain(await ItemsAsync(admin, "/api/v1/admin/alerts"), a => a.GetProperty("rule").GetString() == AlertRules.LedgerDrift);
        var cleared = Assert.Single(await ItemsAsync(admin, "/api/v1/admin/alerts?status=cleared"), a => a.GetProperty("rule").GetString() == AlertRules.LedgerDrift);
        Assert.Equal(drift.GetProperty("id").GetString(), cleared.GetProperty("id").GetString());
        Assert.NotEqual(JsonValueKind.Null, cleared.GetProperty("clearedAt").ValueKind);
        Assert.Contains(await ItemsAsync(admin, "/api/v1/admin/alerts?status=all"), a => a.GetProperty("id").GetString() == cleared.GetProperty("id").GetString());

        var bad = await (await admin.Http.GetAsync("/api/v1/admin/alerts?status=loud")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("open, cleared, all", bad.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await admin.Http.GetAsync("/api/v1/admin/alerts?cursor=nonsense")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task only_an_admin_scope_key_of_an_admin_reads_alerts_an_admins_other_keys_and_a_users_key_read_nothing()
    {
        var admin = await platform.AdminAsync();
        using var adminKey = platform.WithKey(await platform.CreateApiKeyAsync(admin, scope: "admin"));
        await (await adminKey.GetAsync("/api/v1/admin/alerts?status=all")).JsonAsync();
        // An admin's everyday key (a CI key, say) is no admin: the admin routes want the admin scope.
        using var fullKey = platform.WithKey(await platform.CreateApiKeyAsync(admin, scope: "full"));
        var refused = await (await fullKey.GetAsync("/api/v1/admin/alerts")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("'admin' scope", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await fullKey.GetAsync("/api/v1/admin/reconciliation")).ProblemAsync(HttpStatusCode.Forbidden);

        var user = await platform.SignUpAsync();
        using var userKey = platform.WithKey(await platform.CreateApiKeyAsync(user, scope: "full"));
        await (await userKey.GetAsync("/api/v1/admin/alerts")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await userKey.GetAsync("/api/v1/admin/reconciliation")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task alerts_page_newest_first_with_a_cursor()
    {
        var admin = await platform.AdminAsync();
        var now = DateTimeOffset.UtcNow;
        await platform.InDbAsync(db =>
        {
            for (var i = 0; i < 3; i++)
            {
                db.Set<Infrastructure.Alerts.PlatformAlert>().Add(new Infrastructure.Alerts.PlatformAlert
                {
                    Id = Guid.CreateVersion7(),
                    Rule = $"paging-{i}",
                    Message = $"Paging alert {i}.",
                    Value = i,
                    FirstSeenAt = now.AddYears(1).AddMinutes(i),
                    LastSeenAt = now.AddYears(1).AddMinutes(i),
                    ClearedAt = now.AddYears(1).AddMinutes(i + 1),
                });
            }
            return db.SaveChangesAsync();
        });
        var first = await (await admin.Http.GetAsync("/api/v1/admin/alerts?status=cleared&pageSize=2")).JsonAsync();
        Assert.Equal(["paging-2", "paging-1"], first.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("rule").GetString()));
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await (await admin.Http.GetAsync($"/api/v1/admin/alerts?status=cleared&pageSize=2&cursor={cursor}")).JsonAsync();
        Assert.Equal("paging-0", second.GetProperty("items")[0].GetProperty("rule").GetString());
    }

    private static async Task<List<JsonElement>> ItemsAsync(BrowserClient admin, string url) =>
        (await (await admin.Http.GetAsync(url)).JsonAsync()).GetProperty("items").EnumerateArray().ToList();

    private Task<int> SqlAsync(string sql) => platform.InDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));
}
