using System.ComponentModel.DataAnnotations;
using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Jobs;
using AutoMl.Api.Outcomes;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Models;

public sealed record BatchPredictionRequest([property: Required(ErrorMessage = "Name the data set to predict (datasetId).")] Guid DatasetId);

/// <summary>Batch prediction: submitted as a job (<see cref="BatchPredictionSubmission"/>), its CSV result read once it succeeded.</summary>
internal static class BatchPredictionEndpoints
{
    public static void MapBatchPredictionEndpoints(this RouteGroupBuilder models)
    {
        models.MapPost("/{id:guid}/predictions", SubmitAsync);
        models.MapGet("/predictions/{jobId:guid}/result", ResultAsync);
    }

    private static async Task<Results<Accepted<JobView>, ProblemHttpResult>> SubmitAsync(
        Guid id, BatchPredictionRequest request, CurrentUser current, BatchPredictionSubmission submission, CancellationToken ct,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null) =>
        OutcomeResults.AcceptedJob(await submission.SubmitAsync(current.Id, id, request, idempotencyKey, ct));

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
