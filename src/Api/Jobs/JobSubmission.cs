using AutoMl.Api.Outcomes;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoMl.Api.Jobs;

/// <summary>POST /jobs: a training request checked (<see cref="TrainingRequestCheck"/>), priced and admitted (<see cref="JobAdmission"/>).</summary>
internal sealed class JobSubmission(AutoMlDbContext db, TrainingRequestCheck check, JobAdmission admission)
{
    /// <returns>The admitted job, or the first job sent with the same Idempotency-Key.</returns>
    public async Task<Outcome<Job>> SubmitAsync(Guid user, SubmitJobRequest request, string? idempotencyKey, CancellationToken ct)
    {
        if (idempotencyKey is { Length: > 200 })
        {
            return Refusal.BadRequest("The Idempotency-Key header has at most 200 characters.");
        }
        if (idempotencyKey is not null
            && await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.UserId == user && j.IdempotencyKey == idempotencyKey, ct) is { } earlier)
        {
            return earlier;
        }
        if (!(await check.CheckAsync(user, request, ct)).IsDone(out var terms, out var refusal))
        {
            return refusal;
        }
        var job = admission.NewJob(user, JobKind.Train, terms.Plan, request.DatasetId, terms.Price.Credits);
        job.Target = request.Target;
        job.Task = terms.Task;
        job.Metric = terms.Metric;
        job.BudgetSeconds = request.BudgetSeconds;
        job.ExcludedColumns = request.ExcludedColumns?.ToList() ?? [];
        job.IdempotencyKey = idempotencyKey;

        Outcome<Job> admitted;
        try
        {
            admitted = await admission.AdmitAsync(job, new HoldWording($"Training job {job.Id:N}", $"This job holds {job.HeldCredits} credits",
                "starting new jobs", "Lower the budget, or buy credits."), ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && idempotencyKey is not null)
        {
            db.ChangeTracker.Clear();
            return await db.Jobs.AsNoTracking().SingleAsync(j => j.UserId == user && j.IdempotencyKey == idempotencyKey, ct);
        }
        if (admitted is Outcome<Job>.Done)
        {
            await db.Datasets.Where(d => d.Id == job.DatasetId).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastUsedAt, job.CreatedAt), ct);
        }
        return admitted;
    }
}
