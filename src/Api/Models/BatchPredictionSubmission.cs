using AutoMl.Api.Jobs;
using AutoMl.Api.Outcomes;
using AutoMl.Domain.Datasets;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoMl.Api.Models;

/// <summary>
/// POST /models/{id}/predictions: a job over an uploaded data set whose result is a CSV in the blob store. It holds its
/// price (per 1,000 rows) and is admitted like a training job (<see cref="JobAdmission"/>).
/// </summary>
internal sealed class BatchPredictionSubmission(AutoMlDbContext db, JobAdmission admission)
{
    /// <returns>The admitted job, or the first job sent with the same Idempotency-Key (then nothing more is held).</returns>
    public async Task<Outcome<Job>> SubmitAsync(Guid user, Guid modelId, BatchPredictionRequest request, string? idempotencyKey, CancellationToken ct)
    {
        if (idempotencyKey is { Length: > 200 })
        {
            return Refusal.BadRequest("The Idempotency-Key header has at most 200 characters.");
        }
        if (idempotencyKey is not null && await EarlierAsync(user, idempotencyKey, ct) is { } earlier)
        {
            return earlier;
        }
        if (!await db.Models.AnyAsync(m => m.Id == modelId && m.UserId == user, ct))
        {
            return Refusal.NotFound("No model with this id exists in your account.");
        }
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DatasetId && d.UserId == user, ct);
        if (dataset is null)
        {
            return Refusal.NotFound("No data set with this id exists in your account.");
        }
        if (dataset.Status != DatasetStatus.Ready)
        {
            return Refusal.Conflict("This data set is not ready; predict once its status is 'ready'.");
        }
        var plan = await admission.PlanAsync(user, ct);
        var job = admission.NewJob(user, JobKind.Predict, plan, dataset.Id, Pricing.Prediction(dataset.Rows ?? 0));
        job.ModelId = modelId;
        job.IdempotencyKey = idempotencyKey;
        try
        {
            return await admission.AdmitAsync(job, new HoldWording($"Batch prediction {job.Id:N}",
                $"Predicting {dataset.Rows:N0} rows costs {job.HeldCredits} credits", "predicting", "Buy credits, or predict fewer rows."), ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && idempotencyKey is not null)
        {
            // The same key sent twice at once: the other request's job won the unique index, and its hold is the only one.
            db.ChangeTracker.Clear();
            return (await EarlierAsync(user, idempotencyKey, ct))!;
        }
    }

    private Task<Job?> EarlierAsync(Guid user, string idempotencyKey, CancellationToken ct) =>
        db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.UserId == user && j.IdempotencyKey == idempotencyKey, ct);
}
