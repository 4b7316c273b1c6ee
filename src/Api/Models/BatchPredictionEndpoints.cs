using System.ComponentModel.DataAnnotations;
using AutoMl.Api.Accounts;
using AutoMl.Api.Credits;
using AutoMl.Api.Errors;
using AutoMl.Api.Jobs;
using AutoMl.Domain.Datasets;
using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Domain.Queues;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Events;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Models;

public sealed record BatchPredictionRequest([property: Required(ErrorMessage = "Name the data set to predict (datasetId).")] Guid DatasetId);

/// <summary>
/// Batch prediction: a job over an uploaded data set whose result is a CSV in the blob store. It holds
/// its price (per 1,000 rows) like a training job and runs on the free tier's low queue or the paid high one.
/// </summary>
internal static class BatchPredictionEndpoints
{
    public static void MapBatchPredictionEndpoints(this RouteGroupBuilder models)
    {
        models.MapPost("/{id:guid}/predictions", SubmitAsync);
        models.MapGet("/predictions/{jobId:guid}/result", ResultAsync);
    }

    private static async Task<Results<Accepted<JobView>, ProblemHttpResult>> SubmitAsync(
        Guid id, BatchPredictionRequest request, CurrentUser current, AutoMlDbContext db, JobAdmission admission,
        EventPublisher events, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Models.AnyAsync(m => m.Id == id && m.UserId == current.Id, ct))
        {
            return ProblemResults.NotFound("No model with this id exists in your account.");
        }
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DatasetId && d.UserId == current.Id, ct);
        if (dataset is null)
        {
            return ProblemResults.NotFound("No data set with this id exists in your account.");
        }
        if (dataset.Status != DatasetStatus.Ready)
        {
            return ProblemResults.Conflict("This data set is not ready; predict once its status is 'ready'.");
        }
        var tier = await db.Users.Where(u => u.Id == current.Id).Select(u => u.Tier).SingleAsync(ct);
        var now = clock.GetUtcNow();
        var job = new Job
        {
            Id = Guid.CreateVersion7(),
            UserId = current.Id,
            Kind = JobKind.Predict,
            Status = JobLifecycle.Initial,
            Queue = tier == Domain.Accounts.Tier.Free ? QueueNames.Low : QueueNames.High,
            DatasetId = dataset.Id,
            ModelId = id,
            HeldCredits = Pricing.Prediction(dataset.Rows ?? 0),
            CreatedAt = now,
            EnqueuedAt = now,
        };
        var hold = await admission.AdmitAsync(job, $"Batch prediction {job.Id:N}", ct);
        if (!hold.Applied)
        {
            return ProblemResults.Problem(StatusCodes.Status402PaymentRequired, CreditShortfall.Title,
                CreditShortfall.Detail(hold, $"Predicting {dataset.Rows:N0} rows costs {job.HeldCredits} credits", "predicting", "Buy credits, or predict fewer rows."));
        }
        await events.PublishAsync(current.Id, job.Id, new JobQueued(job.Queue, job.HeldCredits, null, "predict"), ct);
        return TypedResults.Accepted($"/api/v1/jobs/{job.Id}", job.ToView());
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ResultAsync(
        Guid jobId, CurrentUser current, AutoMlDbContext db, IBlobStore blobs, CancellationToken ct)
    {
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.UserId == current.Id && j.Kind == JobKind.Predict, ct);
        if (job is null)
        {
            return ProblemResults.NotFound("No batch prediction with this id exists in your account.");
        }
        if (!job.Status.HasResult() || job.ResultKey is null)
        {
            return ProblemResults.Conflict($"The predictions are not ready: the job is {job.Status.ToString().ToLowerInvariant()}.");
        }
        return TypedResults.Stream(await blobs.OpenReadAsync(job.ResultKey, ct), "text/csv", $"predictions-{job.Id:N}.csv");
    }
}
