using AutoMl.Api.Accounts;
using AutoMl.Api.RateLimiting;
using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Admin;

/// <summary>
/// PUT /admin/users/{id}/tier: the tier and its audit row in one transaction. Everything that reads the tier reads the
/// users row (pricing, quotas, the job claim, the queue), except the rate limiter's short memory, which every instance
/// forgets on the announcement. Enterprise is only ever set here; a Stripe subscription moves free and pro only.
/// </summary>
internal sealed class TierChange(AutoMlDbContext db, AuditLog audit, UserTiers tiers, AccountAnnouncements accounts)
{
    /// <returns>False when no account has this id.</returns>
    public async Task<bool> RunAsync(Guid user, Tier tier, string reason, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = (await db.Users.FromSql($"SELECT * FROM users WHERE id = {user} FOR UPDATE").AsNoTracking().ToListAsync(ct)).SingleOrDefault()?.Tier;
        if (before is null)
        {
            return false;
        }
        if (before == tier)
        {
            // Setting the tier it has changes nothing, so the trail records nothing: a retried PUT is audited once.
            return true;
        }
        await db.Users.Where(u => u.Id == user).ExecuteUpdateAsync(s => s.SetProperty(u => u.Tier, tier), ct);
        await audit.RecordAsync(AuditActions.TierChange, user, ct, targetType: "account", targetId: user.ToString(),
            detail: $"{before.Value.Name()} → {tier.Name()}: {reason.Trim()}");
        await tx.CommitAsync(ct);
        tiers.Forget(user);
        await accounts.TierChangedAsync(user);
        return true;
    }
}
