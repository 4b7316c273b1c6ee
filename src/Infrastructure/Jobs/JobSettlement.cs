using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Events;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;

namespace AutoMl.Infrastructure.Jobs;

/// <summary>
/// The one way a job ends. Its row leaves a live status by a conditional update, so of two deliveries (or a worker
/// and a cancel) only one ends it; the hold settles in the same transaction, with the emails the ending sends and its
/// events, which go out when it commits: no client hears of an ending that rolled back, and none misses one that did.
/// </summary>
public sealed class JobSettlement(
    AutoMlDbContext db, CreditLedger ledger, EventPublisher events, EmailTemplates emails, IOptions<PlatformOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Ends the job with <paramref name="ending"/>: its outcome (a trained model's row, a prediction file, an error) is
    /// written with the status, in one transaction with the hold's settlement.
    /// </summary>
    /// <returns>False when the job was no longer in a status the ending's transition leaves from: nothing changed.</returns>
    public async Task<bool> EndAsync(Job job, JobEnding ending, CancellationToken ct)
    {
        if (!ending.IsConsistent)
        {
            throw new ArgumentException($"A {ending.Outcome.GetType().Name} outcome cannot end a job by {ending.Transition.Name}.", nameof(ending));
        }
        var now = clock.GetUtcNow();
        var from = ending.Transition.FromArray;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            int? registeredVersion = null;
            string? registrationProblem = null;
            if (ending.Outcome is JobOutcome.ModelTrained trained)
            {
                db.Models.Add(trained.Model);
                await db.SaveChangesAsync(ct);
                if (job.RegisteredModelId is { } registeredId)
                {
                    (registeredVersion, registrationProblem) = await RegisterAsync(job, registeredId, trained.Model, now, ct);
                }
            }
            var ended = await db.Jobs.Where(j => j.Id == job.Id && from.Contains(j.Status))
                .ExecuteUpdateAsync(s =>
                {
                    s.SetProperty(j => j.Status, ending.Status);
                    s.SetProperty(j => j.ChargedCredits, ending.Charged);
                    s.SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null);
                    s.SetProperty(j => j.FinishedAt, now);
                    Record(s, ending.Outcome);
                    if (registeredVersion is not null || registrationProblem is not null)
                    {
                        s.SetProperty(j => j.RegisteredVersion, registeredVersion).SetProperty(j => j.RegistrationProblem, registrationProblem);
                    }
                }, ct);
            if (ended == 0)
            {
                await tx.RollbackAsync(ct);
                return false;
            }
            if (job.Kind == JobKind.Evaluate)
            {
                await Evaluations.EvaluationEnding.RecordAsync(db, job.Id, ending, now, ct);
            }
            var settled = await ledger.SettleHoldAsync(job.UserId, job.HeldCredits, ending.Charged, ending.LedgerReference, JobKeys.Settle(job.Id), ct);
            await QueueEmailsAsync(job, ending, settled, ct);
            await events.PublishAsync(job.UserId, job.Id, ending.Event, ct);
            var (reason, amount) = ending.Charged > 0 ? ("capture", -ending.Charged)
                : ending.Transition == JobLifecycle.Fail ? ("refund", job.HeldCredits) : ("release", job.HeldCredits);
            await events.PublishAsync(job.UserId, null, new CreditsChanged(reason, amount, job.Id, settled.Balance, settled.Balance - settled.Held), ct);
            await tx.CommitAsync(ct);
        }
        return true;
    }

    /// <summary>
    /// The trained model becomes the registered model's next version in the ending's transaction. A model that no longer
    /// fits (the registered model was deleted, or got a first version of another schema meanwhile) still ends the job as a
    /// success: the user paid for a model and has it; the job says why it is not a version.
    /// </summary>
    private async Task<(int? Version, string? Problem)> RegisterAsync(Job job, Guid registeredId, Models.Model model, DateTimeOffset now, CancellationToken ct)
    {
        if (!await db.RegisteredModels.AnyAsync(r => r.Id == registeredId && r.UserId == job.UserId, ct))
        {
            return (null, $"The registered model {job.RegisteredModelName} was deleted before the job finished; the model is in your models, unregistered.");
        }
        return await Registry.ModelRegistration.AddAsync(db, registeredId, model, "job", $"Trained by job {job.Id}", now, ct) switch
        {
            Registry.ModelRegistration.Outcome.Added added => (added.Version.Version, null),
            Registry.ModelRegistration.Outcome.Unfit unfit => (null, Registry.ModelRegistration.Describe(unfit.Differences, job.RegisteredModelName ?? "")),
            Registry.ModelRegistration.Outcome.AlreadyRegistered already => (already.Version, null),
            _ => (null, null),
        };
    }

    /// <summary>The job's columns that record its outcome, beside status, charge, lease and finish time.</summary>
    private static void Record(UpdateSettersBuilder<Job> s, JobOutcome outcome)
    {
        switch (outcome)
        {
            case JobOutcome.ModelTrained { Model: var model, Trials: var trials }:
                Guid? modelId = model.Id;
                double? score = model.Score;
                string? task = model.Task, metric = model.Metric;
                s.SetProperty(j => j.ModelId, modelId)
                    .SetProperty(j => j.BestScore, score)
                    .SetProperty(j => j.Task, task)
                    .SetProperty(j => j.Metric, metric)
                    .SetProperty(j => j.Trials, trials)
                    .SetProperty(j => j.Progress, 1)
                    .SetProperty(j => j.EtaSeconds, 0);
                break;
            case JobOutcome.PredictionsReady { ResultKey: var key }:
                string? resultKey = key;
                s.SetProperty(j => j.ResultKey, resultKey).SetProperty(j => j.Progress, 1);
                break;
            case JobOutcome.EvaluationReady:
                s.SetProperty(j => j.Progress, 1);
                break;
            case JobOutcome.Failed failed:
                string? error = failed.Stored;
                s.SetProperty(j => j.Error, error);
                break;
            case JobOutcome.Cancelled:
                // Set already when the owner asked; set here too when the ending itself is the request (a queued job,
                // an account being deleted), so a worker that still runs it stops.
                s.SetProperty(j => j.CancelRequested, true);
                break;
        }
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
            switch (ending.Outcome)
            {
                case JobOutcome.ModelTrained { Model: var model }:
                    emails.JobFinished(job.UserId, to, job.Id, job.Target ?? "", model.Metric, model.Score);
                    break;
                case JobOutcome.Failed failed:
                    emails.JobFailed(job.UserId, to, job.Id, job.Target ?? "", failed.Stored);
                    break;
            }
        }
        if (crossedLow)
        {
            emails.LowBalance(job.UserId, to, settled.Balance - settled.Held);
        }
        await db.SaveChangesAsync(ct);
    }
}
