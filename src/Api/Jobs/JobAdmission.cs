using AutoMl.Api.Credits;
using AutoMl.Api.Outcomes;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Jobs;

/// <summary>A client's job admitted by <see cref="JobAdmitter"/>, its refusal worded for the client (ADR 1).</summary>
internal sealed class JobAdmission(AutoMlDbContext db, JobAdmitter admitter)
{
    public Task<TierPlan> PlanAsync(Guid user, CancellationToken ct) => admitter.PlanAsync(user, ct);

    /// <summary>A job not yet admitted, holding <paramref name="price"/>; the use case fills in what its kind needs.</summary>
    public Job NewJob(Guid user, JobKind kind, TierPlan plan, Guid datasetId, long price) => admitter.NewJob(user, kind, plan, datasetId, price);

    /// <summary>Hands a job admitted in the caller's transaction to Hangfire once it committed.</summary>
    public Task EnqueueAsync(Job job, CancellationToken ct) => admitter.EnqueueAsync(job, ct);

    /// <returns>
    /// The admitted job, or a 402 when the hold was refused (then nothing was written). A duplicate Idempotency-Key
    /// surfaces as the insert's DbUpdateException.
    /// </returns>
    public async Task<Outcome<Job>> AdmitAsync(Job job, HoldWording wording, CancellationToken ct)
    {
        var hold = await admitter.AdmitAsync(job, wording.Reference, ct);
        return hold.Applied ? job : await ShortfallAsync(job.UserId, hold, wording, ct);
    }

    /// <summary>Owed credits are named first (<see cref="CreditShortfall"/>); an unconfirmed account is told the welcome bonus awaits it.</summary>
    private async Task<Refusal> ShortfallAsync(Guid user, LedgerResult account, HoldWording wording, CancellationToken ct)
    {
        var unconfirmed = await db.Users.AnyAsync(u => u.Id == user && !u.EmailConfirmed, ct);
        return new Refusal(StatusCodes.Status402PaymentRequired, CreditShortfall.Title, CreditShortfall.Detail(account, wording.Cost, wording.Blocked,
            wording.Remedy + (unconfirmed ? " Confirm your email to receive the welcome bonus." : "")));
    }
}
