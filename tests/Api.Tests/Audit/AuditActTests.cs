using System.Net;
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
