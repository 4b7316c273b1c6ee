using AutoMl.Api.Jobs;
using AutoMl.Api.Outcomes;
using AutoMl.Domain.Datasets;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Models;

/// <summary>
/// POST /models/{id}/predictions: a job over an uploaded data set whose result is a CSV in the blob store. It holds its
/// price (per 1,000 rows) and is admitted like a training job (<see cref="JobAdmission"/>).
/// </summary>
internal sealed class BatchPredictionSubmission(AutoMlDbContext db, JobAdmission admission, JobIdempotency idempotency)
{
    /// <returns>The admitted job, or the first job sent with the same Idempotency-Key (then nothing more is held).</returns>
    public async Task<Outcome<Job>> SubmitAsync(Guid user, Guid modelId, BatchPredictionRequest request, string? idempotencyKey, CancellationToken ct)
    {
        if (JobIdempotency.Invalid(idempotencyKey) is { } invalid)
        {
            return invalid;
        }
        if (await idempotency.EarlierAsync(user, idempotencyKey, JobKind.Predict, modelId, ct) is { } earlier)
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
        catch (DbUpdateException e) when (JobIdempotency.LostRace(e, idempotencyKey))
        {
            // The same key sent twice at once: the other request's job won the unique index, and its hold is the only one.
            db.ChangeTracker.Clear();
            return (await idempotency.EarlierAsync(user, idempotencyKey, JobKind.Predict, modelId, ct))!;
        }
    }
}
