using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Domain.Queues;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Events;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Jobs;

/// <summary>
/// The one way a job enters the system, whoever starts it (a client's request in the API, a workflow's trigger in a
/// worker): the job on the queue its tier and kind get, then the row, its credit hold and the events that announce
/// them in one transaction, then the Hangfire enqueue. If the enqueue fails, the job stays committed and the dispatcher
/// enqueues it within seconds (ADR 1).
/// </summary>
public sealed class JobAdmitter(AutoMlDbContext db, CreditLedger ledger, JobEnqueuer enqueuer, EventPublisher events, TimeProvider clock)
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

    /// <summary>
    /// Writes the job and its hold in the caller's transaction when there is one (the caller then commits and calls
    /// <see cref="EnqueueAsync"/>), otherwise in its own, enqueued at once.
    /// </summary>
    /// <returns>The ledger's answer to the hold: not applied means nothing was written (the caller's transaction is
    /// left for it to roll back).</returns>
    public async Task<LedgerResult> AdmitAsync(Job job, string reference, CancellationToken ct)
    {
        var ambient = db.Database.CurrentTransaction is not null;
        await using var tx = ambient ? null : await db.Database.BeginTransactionAsync(ct);
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        var hold = await ledger.HoldAsync(job.UserId, job.HeldCredits, reference, JobKeys.Hold(job.Id), ct);
        if (!hold.Applied)
        {
            if (tx is not null)
            {
                await tx.RollbackAsync(ct);
            }
            db.ChangeTracker.Clear();
            return hold;
        }
        // In the transaction, so a job is never admitted without telling its user (and never told of without being admitted).
        await events.PublishAsync(job.UserId, job.Id, Queued(job), ct);
        await events.PublishAsync(job.UserId, null,
            new CreditsChanged("hold", job.HeldCredits, job.Id, hold.Balance, hold.Balance - hold.Held, hold.Owed), ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
            await EnqueueAsync(job, ct);
        }
        return hold;
    }

    /// <summary>Hands a committed job to Hangfire.</summary>
    public async Task EnqueueAsync(Job job, CancellationToken ct) =>
        job.HangfireJobId = await enqueuer.EnqueueAsync(job.Id, job.Kind, job.Queue, ct);

    private static JobQueued Queued(Job job) => job.Kind switch
    {
        JobKind.Train => new JobQueued(job.Queue, job.HeldCredits, job.BudgetSeconds, "train"),
        JobKind.Predict => new JobQueued(job.Queue, job.HeldCredits, null, "predict"),
        JobKind.Evaluate => new JobQueued(job.Queue, job.HeldCredits, null, "evaluate"),
    };
}
