using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Audit;

/// <summary>Acts AuditTrailTests leaves out, one row each: a role grant, an account deletion.</summary>
public sealed class AuditActTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task a_role_grant_leaves_one_row_and_granting_again_none()
    {
        var email = ApiFactory.NewEmail();
        await api.SignUpAsync(email);
        var user = await UserIdAsync(email);

        await api.GrantAdminAsync(email);
        await api.GrantAdminAsync(email);

        var row = Assert.Single(await RowsAsync(user, AuditActions.RoleGrant));
        Assert.Equal(("Granted the admin role.", user.ToString()), (row.Detail, row.TargetId));
    }

    [Fact]
    public async Task deleting_an_account_leaves_one_row_that_outlives_it()
    {
        var email = ApiFactory.NewEmail();
        var browser = await api.SignUpAsync(email);
        var user = await UserIdAsync(email);

        await (await browser.Http.DeleteAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.NoContent);

        Assert.False(await api.InDbAsync(db => db.Users.AnyAsync(u => u.Id == user)));
        var row = Assert.Single(await RowsAsync(user, AuditActions.AccountDeletion));
        Assert.Contains(email, row.Actor, StringComparison.OrdinalIgnoreCase);
    }

    private Task<Guid> UserIdAsync(string email) =>
        api.InDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<List<AuditEvent>> RowsAsync(Guid user, string action) =>
        api.InDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.UserId == user && e.Action == action).OrderBy(e => e.Id).ToListAsync());
}

/// <summary>
/// A sign-in refused by the per-address throttle is an act of its own: each refusal one row on the account guessed at.
/// (The per-client request buckets in front of it refuse floods without writing anything, on purpose; here they are
/// generous so the throttle, after two free attempts, is what answers.)
/// </summary>
public sealed class ThrottledSignInAuditTests(ThrottledSignInAuditTests.Factory api) : IClassFixture<ThrottledSignInAuditTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override void ConfigurePlatform(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            builder.UseSetting("AutoMl:RateLimits:LoginThrottle:FreeAttempts", "2");
    }

    [Fact]
    public async Task each_throttled_sign_in_leaves_one_refused_row_on_the_account()
    {
        var email = ApiFactory.NewEmail();
        await api.SignUpAsync(email);
        var user = await api.InDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var guesser = api.Browser();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await guesser.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "guess " + i })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        var rows = await api.InDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.UserId == user && e.Action == AuditActions.SignInThrottled).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(AuditOutcomes.Refused, r.Outcome));
        Assert.Equal(2, await api.InDbAsync(db => db.AuditEvents.CountAsync(e => e.UserId == user && e.Action == AuditActions.SignIn && e.Outcome == AuditOutcomes.Failure)));
    }
}
