using AutoMl.Api.Accounts;
using AutoMl.Api.Events;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Admin;

internal enum SuspensionOutcome
{
    Done = 0,
    NoAccount = 1,
    Self = 2,
}

/// <summary>
/// Suspending an account: the suspension, a new security stamp and the audit row commit together. Then its cookie
/// sessions end on their next request on every instance, its live connections close, and its work stops: queued jobs
/// end cancelled with their holds released, running ones are cancelled like a user's cancel (charged for the time they
/// ran). The worker never starts a job of a suspended account, so a job that slipped in ends cancelled, unpaid. Its
/// data, models and endpoints stay; endpoints answer no one, since every prediction needs the owner's key or session.
/// Unsuspending restores sign-in and keys; the ended sessions stay ended and cancelled jobs stay cancelled.
/// </summary>
internal sealed class AccountSuspension(
    AutoMlDbContext db, UserManager<AppUser> users, AuditLog audit, SessionRevocations sessions, LiveConnections live, JobSettlement settlement,
    TimeProvider clock, ILogger<AccountSuspension> logger)
{
    public async Task<SuspensionOutcome> SuspendAsync(Guid user, Guid admin, string reason, CancellationToken ct)
    {
        if (user == admin)
        {
            return SuspensionOutcome.Self;
        }
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (await LockAsync(user, ct) is not { } account)
            {
                return SuspensionOutcome.NoAccount;
            }
            if (account.SuspendedAt is not null)
            {
                // Already suspended: a retried request changes nothing and is audited once.
                return SuspensionOutcome.Done;
            }
            account.SuspendedAt = clock.GetUtcNow();
            account.SuspendedBy = admin;
            account.SuspensionReason = reason.Trim();
            Check(await users.UpdateSecurityStampAsync(account));
            await audit.RecordAsync(AuditActions.Suspension, user, ct, targetType: "account", targetId: user.ToString(), detail: reason.Trim());
            await tx.CommitAsync(ct);
        }
        // The account is suspended from here whatever happens below: every check reads the users row.
        await sessions.EndAsync(user);
        await live.CloseSessionsAsync(user, "Your account was suspended.");
        foreach (var key in await db.ApiKeys.AsNoTracking().Where(k => k.UserId == user && k.RevokedAt == null).Select(k => k.Id).ToListAsync(ct))
        {
            await live.CloseKeyAsync(key);
        }
        await StopWorkAsync(user, ct);
        return SuspensionOutcome.Done;
    }

    public async Task<SuspensionOutcome> UnsuspendAsync(Guid user, string? reason, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(user, ct) is not { } account)
        {
            return SuspensionOutcome.NoAccount;
        }
        if (account.SuspendedAt is null)
        {
            return SuspensionOutcome.Done;
        }
        account.SuspendedAt = null;
        account.SuspendedBy = null;
        account.SuspensionReason = null;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Unsuspension, user, ct, targetType: "account", targetId: user.ToString(),
            detail: string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        await tx.CommitAsync(ct);
        return SuspensionOutcome.Done;
    }

    private async Task<AppUser?> LockAsync(Guid user, CancellationToken ct) =>
        (await db.Users.FromSql($"SELECT * FROM users WHERE id = {user} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();

    private async Task StopWorkAsync(Guid user, CancellationToken ct)
    {
        var queued = await db.Jobs.AsNoTracking().Where(j => j.UserId == user && j.Status == JobLifecycle.Waiting).ToListAsync(ct);
        foreach (var job in queued)
        {
            await settlement.EndAsync(job, SuspendedAccountJobs.Ending(job), ct);
        }
        var running = JobLifecycle.CancelRunning.FromArray;
        var flagged = await db.Jobs.Where(j => j.UserId == user && running.Contains(j.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct);
        logger.LogInformation("Account {UserId} suspended: {Queued} queued jobs cancelled, {Running} running jobs asked to stop", user, queued.Count, flagged);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Suspending the account failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
