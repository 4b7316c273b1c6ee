using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Datasets;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Admin;

/// <summary>Issue 30: suspending an account ends its sessions at once and refuses its keys and sign-ins until it is lifted.</summary>
public sealed class AccountSuspensionTests(SlowSessionCheckFactory api) : IClassFixture<SlowSessionCheckFactory>
{
    [Fact]
    public async Task suspension_ends_a_live_session_refuses_keys_and_sign_in_and_unsuspending_lets_the_user_back_in()
    {
        var admin = await api.AdminAsync();
        var email = ApiFactory.NewEmail();
        var user = await api.SignUpAsync(email);
        using var key = api.WithKey(await api.CreateApiKeyAsync(user));
        var id = (await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString();
        await (await key.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);

        var suspended = await (await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{id}/suspend", new { reason = "Card testing with stolen cards" })).JsonAsync();

        Assert.Equal("Card testing with stolen cards", suspended.GetProperty("suspension").GetProperty("reason").GetString());
        await (await user.Http.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        var refusedKey = await (await key.GetAsync("/api/v1/datasets")).ProblemAsync(HttpStatusCode.Forbidden);
        AssertSuspended(refusedKey);
        var refusedSignIn = await (await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        AssertSuspended(refusedSignIn);
        // A wrong password reads as before: only the owner learns the account is suspended.
        await (await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "not the password at all" }))
            .ProblemAsync(HttpStatusCode.Unauthorized);

        var lifted = await (await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{id}/unsuspend", new { reason = "Cleared by the bank" })).JsonAsync();

        Assert.Equal(JsonValueKind.Null, lifted.GetProperty("suspension").ValueKind);
        await (await key.GetAsync("/api/v1/datasets")).EnsureStatusAsync(HttpStatusCode.OK);
        await (await user.Http.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        var again = api.Browser();
        await (await again.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);
        await (await again.Http.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);
        var trail = await (await admin.Http.GetAsync($"/api/v1/admin/audit?userId={id}")).JsonAsync();
        var acts = trail.GetProperty("items").EnumerateArray().Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("outcome").GetString()}").ToList();
        Assert.Equal(1, acts.Count(a => a == "account-suspension success"));
        Assert.Equal(1, acts.Count(a => a == "account-unsuspension success"));
        Assert.Contains("sign-in refused", acts);
    }

    [Fact]
    public async Task suspending_twice_is_audited_once_and_an_admin_cannot_suspend_themselves()
    {
        var admin = await api.AdminAsync();
        var adminId = (await (await admin.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString();
        var user = await api.SignUpAsync();
        var id = (await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString();

        await (await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{id}/suspend", new { reason = "Spam uploads" })).EnsureStatusAsync(HttpStatusCode.OK);
        await (await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{id}/suspend", new { reason = "Spam uploads" })).EnsureStatusAsync(HttpStatusCode.OK);
        var self = await (await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{adminId}/suspend", new { reason = "Testing" })).ProblemAsync(HttpStatusCode.Conflict);
        var noReason = await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{id}/suspend", new { reason = "" });

        Assert.Contains("your own account", self.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await noReason.ProblemAsync(HttpStatusCode.BadRequest);
        var trail = await (await admin.Http.GetAsync($"/api/v1/admin/audit?userId={id}&action=account-suspension")).JsonAsync();
        Assert.Single(trail.GetProperty("items").EnumerateArray());
        await (await admin.Http.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);
        var listed = await (await admin.Http.GetAsync("/api/v1/admin/users?suspended=true&pageSize=200")).JsonAsync();
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetString() == id);
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetString() == adminId);
    }

    [Fact]
    public async Task a_suspended_accounts_queued_job_ends_cancelled_with_its_hold_released_whole()
    {
        var admin = await api.AdminAsync();
        var user = await api.SignUpAsync();
        var id = Guid.Parse((await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString()!);
        var job = Guid.CreateVersion7();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
            var now = DateTimeOffset.UtcNow;
            var dataset = new Dataset
            {
                Id = Guid.CreateVersion7(),
                UserId = id,
                Name = "queued.csv",
                Status = DatasetStatus.Ready,
                Format = "csv",
                OriginalKey = $"planted/{Guid.NewGuid():N}",
                CreatedAt = now,
                LastUsedAt = now,
            };
            db.Datasets.Add(dataset);
            db.Jobs.Add(new Job
            {
                Id = job,
                UserId = id,
                Kind = JobKind.Train,
                Status = JobStatus.Queued,
                Queue = "normal",
                DatasetId = dataset.Id,
                Target = "y",
                BudgetSeconds = 60,
                HeldCredits = 10,
                CreatedAt = now,
                EnqueuedAt = now,
            });
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<CreditLedger>().HoldAsync(id, 10, $"Training job {job:N}", $"planted-hold:{job:N}", CancellationToken.None);
        }
        Assert.Equal(10, (await user.Http.CreditsAsync()).GetProperty("held").GetInt64());

        await (await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{id}/suspend", new { reason = "Fraud review" })).EnsureStatusAsync(HttpStatusCode.OK);

        var jobs = (await (await admin.Http.GetAsync($"/api/v1/admin/users/{id}/jobs")).JsonAsync()).GetProperty("items");
        var ended = Assert.Single(jobs.EnumerateArray());
        Assert.Equal("cancelled", ended.GetProperty("status").GetString());
        Assert.Equal(0, ended.GetProperty("chargedCredits").GetInt64());
        var account = await (await admin.Http.GetAsync($"/api/v1/admin/users/{id}")).JsonAsync();
        Assert.Equal((100, 0), (account.GetProperty("balance").GetInt64(), account.GetProperty("held").GetInt64()));
    }

    private static void AssertSuspended(JsonElement problem)
    {
        Assert.Equal("urn:automl:problem:account-suspended", problem.GetProperty("type").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("suspended", detail, StringComparison.Ordinal);
        Assert.Contains("support@automl.example", detail, StringComparison.Ordinal);
    }
}
