using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Events;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AutoMl.Infrastructure.Jobs;

/// <summary>
/// The one way a job ends. Its row leaves a live status by a conditional update, so of two deliveries (or a worker
/// and a cancel) only one ends it; the hold settles in the same transaction, with the emails the ending sends; the
/// events go out after the commit, so no client hears of an ending that rolled back.
/// </summary>
public sealed class JobSettlement(
    AutoMlDbContext db, CreditLedger ledger, EventPublisher events, EmailTemplates emails, IOptions<PlatformOptions> options, TimeProvider clock)
{
    /// <returns>False when the job was no longer in a status the ending's transition leaves from: nothing changed.</returns>
    public async Task<bool> EndAsync(Job job, JobEnding ending, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var from = ending.Transition.FromArray;
        LedgerResult settled;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (ending.First is { } first)
            {
                await first(ct);
            }
            var ended = await db.Jobs.Where(j => j.Id == job.Id && from.Contains(j.Status))
                .ExecuteUpdateAsync(s =>
                {
                    s.SetProperty(j => j.Status, ending.Status);
                    s.SetProperty(j => j.ChargedCredits, ending.Charged);
                    s.SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null);
                    s.SetProperty(j => j.FinishedAt, now);
                    ending.Set?.Invoke(s);
                }, ct);
            if (ended == 0)
            {
                await tx.RollbackAsync(ct);
                return false;
            }
            settled = await ledger.SettleHoldAsync(job.UserId, job.HeldCredits, ending.Charged, ending.LedgerReference, JobKeys.Settle(job.Id), ct);
            await QueueEmailsAsync(job, ending, settled, ct);
            await tx.CommitAsync(ct);
        }
        await events.PublishAsync(job.UserId, job.Id, ending.Event, ct);
        var (reason, amount) = ending.Charged > 0 ? ("capture", -ending.Charged)
            : ending.Transition == JobLifecycle.Fail ? ("refund", job.HeldCredits) : ("release", job.HeldCredits);
        await events.PublishAsync(job.UserId, null, new CreditsChanged(reason, amount, job.Id, settled.Balance, settled.Balance - settled.Held), ct);
        return true;
    }

    /// <summary>
    /// A long training job's outcome is mailed (whoever waits minutes has walked away); a charge that takes the balance
    /// below the low-balance line warns once, when it crosses it, not on every job after.
    /// </summary>
    private async Task QueueEmailsAsync(Job job, JobEnding ending, LedgerResult settled, CancellationToken ct)
    {
        var settings = options.Value.Notifications;
        var finishedMail = job.Kind == JobKind.Train && job.BudgetSeconds >= settings.JobFinishedMinBudgetSeconds
            && (ending.Transition == JobLifecycle.Succeed || ending.Transition == JobLifecycle.Fail);
        var crossedLow = ending.Charged > 0 && settled.Applied
            && settled.Balance < settings.LowBalanceCredits && settled.Balance + ending.Charged >= settings.LowBalanceCredits;
        if (!finishedMail && !crossedLow)
        {
            return;
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == job.UserId)
            .Select(u => new { u.Email, u.NotifyJobFinished, u.NotifyLowBalance }).SingleOrDefaultAsync(ct);
        if (user?.Email is not { } to)
        {
            return; // the account was deleted meanwhile
        }
        // The user's own choice on the Settings page.
        finishedMail &= user.NotifyJobFinished;
        crossedLow &= user.NotifyLowBalance;
        if (finishedMail)
        {
            // The row as the ending just set it: the caller's setters hold the score or the error.
            var ended = await db.Jobs.AsNoTracking().Where(j => j.Id == job.Id).Select(j => new { j.Metric, j.BestScore, j.Error }).SingleAsync(ct);
            if (ending.Transition == JobLifecycle.Succeed)
            {
                emails.JobFinished(job.UserId, to, job.Id, job.Target ?? "", ended.Metric ?? "score", ended.BestScore);
            }
            else
            {
                emails.JobFailed(job.UserId, to, job.Id, job.Target ?? "", ended.Error ?? "an error on our side");
            }
        }
        if (crossedLow)
        {
            emails.LowBalance(job.UserId, to, settled.Balance - settled.Held);
        }
        await db.SaveChangesAsync(ct);
    }
}
