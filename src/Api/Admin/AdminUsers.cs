using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Admin;

/// <summary>
/// Accounts as an admin reads them, newest first: one SQL query for a page or a user, its counts and last sign-in as
/// subqueries.
/// </summary>
internal static class AdminUsers
{
    public static IQueryable<AdminUserView> Views(AutoMlDbContext db, IQueryable<AppUser> users) =>
        from u in users
        join a in db.CreditAccounts.AsNoTracking() on u.Id equals a.UserId
        orderby u.CreatedAt descending, u.Id descending
        select new AdminUserView(
            u.Id, u.Email!, u.Tier, a.Balance, a.Held, a.Owed, u.CreatedAt, u.EmailConfirmed,
            db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(role => role.Id == r.RoleId && role.Name == AdminRole.Name)),
            db.AuditEvents.Where(e => e.UserId == u.Id && e.Action == AuditActions.SignIn && e.Outcome == AuditOutcomes.Success).Max(e => (DateTimeOffset?)e.At),
            u.SuspendedAt == null ? null : new AdminSuspensionView(u.SuspendedAt.Value, u.SuspendedBy, u.SuspensionReason),
            new AdminUserCounts(
                db.Jobs.Count(j => j.UserId == u.Id),
                db.Datasets.Count(d => d.UserId == u.Id),
                db.Models.Count(m => m.UserId == u.Id),
                db.ApiKeys.Count(k => k.UserId == u.Id && k.RevokedAt == null)));

    public static Task<AdminUserView?> FindAsync(AutoMlDbContext db, Guid id, CancellationToken ct) =>
        Views(db, db.Users.AsNoTracking().Where(u => u.Id == id)).SingleOrDefaultAsync(ct);
}
