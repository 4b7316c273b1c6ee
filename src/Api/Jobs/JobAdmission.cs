using AutoMl.Api.Credits;
using AutoMl.Api.Outcomes;
using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Domain.Queues;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Events;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Jobs;

/// <summary>
/// The one way a job enters the system, for training and batch prediction alike: the tier's plan, the job on the
/// queue its tier and kind get, then the row, its credit hold and the events that announce them in one transaction,
/// then the Hangfire enqueue. If the enqueue fails, the job stays committed and the dispatcher enqueues it within
/// seconds (ADR 1).
/// </summary>
internal sealed class JobAdmission(AutoMlDbContext db, CreditLedger ledger, JobEnqueuer enqueuer, EventPublisher events, TimeProvider clock)
{
    public async Task<TierPlan> PlanAsync(Guid user, CancellationToken ct) =>
        TierPlan.For(await db.Users.Where(u => u.Id == user).Select(u => u.Tier).SingleAsync(ct));

    /// <summary>A job not yet admitted, holding <paramref name="price"/>; the use case fills in what its kind needs.</summary>
    public Job NewJob(Guid user, JobKind kind, TierPlan plan, Guid datasetId, long price)
    {
        var now = clock.GetUtcNow();
        return new Job
        {
            Id = Guid.CreateVersion7(),
            UserId = user,
            Kind = kind,
            Status = JobLifecycle.Initial,
            Queue = JobQueues.For(plan.Tier, kind).Name(),
            DatasetId = datasetId,
            HeldCredits = price,
            CreatedAt = now,
            EnqueuedAt = now,
        };
    }

    /// <returns>
    /// The admitted job, or a 402 when the hold was refused (then nothing was written). A duplicate Idempotency-Key
    /// surfaces as the insert's DbUpdateException.
    /// </returns>
    public async Task<Outcome<Job>> AdmitAsync(Job job, HoldWording wording, CancellationToken ct)
    {
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Jobs.Add(job);
            await db.SaveChangesAsync(ct);
            var hold = await ledger.HoldAsync(job.UserId, job.HeldCredits, wording.Reference, JobKeys.Hold(job.Id), ct);
            if (!hold.Applied)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return await ShortfallAsync(job.UserId, hold, wording, ct);
            }
            // In the transaction, so a job is never admitted without telling its user (and never told of without being admitted).
            await events.PublishAsync(job.UserId, job.Id, Queued(job), ct);
            await events.PublishAsync(job.UserId, null,
                new CreditsChanged("hold", job.HeldCredits, job.Id, hold.Balance, hold.Balance - hold.Held, hold.Owed), ct);
            await tx.CommitAsync(ct);
        }
        job.HangfireJobId = await enqueuer.EnqueueAsync(job.Id, job.Kind, job.Queue, ct);
        return job;
    }

    private static JobQueued Queued(Job job) => job.Kind switch
    {
        JobKind.Train => new JobQueued(job.Queue, job.HeldCredits, job.BudgetSeconds, "train"),
        JobKind.Predict => new JobQueued(job.Queue, job.HeldCredits, null, "predict"),
    };

    /// <summary>Owed credits are named first (<see cref="CreditShortfall"/>); an unconfirmed account is told the welcome bonus awaits it.</summary>
    private async Task<Refusal> ShortfallAsync(Guid user, LedgerResult account, HoldWording wording, CancellationToken ct)
    {
        var unconfirmed = await db.Users.AnyAsync(u => u.Id == user && !u.EmailConfirmed, ct);
        return new Refusal(StatusCodes.Status402PaymentRequired, CreditShortfall.Title, CreditShortfall.Detail(account, wording.Cost, wording.Blocked,
            wording.Remedy + (unconfirmed ? " Confirm your email to receive the welcome bonus." : "")));
    }
}
