using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoMl.Api.Datasets;

/// <summary>
/// A bundled sample becomes an ordinary data set of the caller: it takes its room in the quota, is stored in the blob
/// store and is ingested and profiled like an upload, so nothing downstream knows it was a sample.
/// </summary>
internal static class SampleEndpoints
{
    /// <summary>A sample is a few tens of KB: the reservation lives as long as one request can.</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(10);

    public static void MapSampleEndpoints(this RouteGroupBuilder datasets)
    {
        datasets.MapGet("/samples", () => TypedResults.Ok(SampleDatasets.All.Select(s => s.View).ToList()))
            .WithDescription("The small data sets anyone can copy into their account to try training, each with the column to predict.");
        datasets.MapPost("/samples/{name}", CreateAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Copies a sample into your account as a new data set (it counts against your storage quota and is ingested like an upload). Answers 202 with the data set and the target to train on.");
    }

    private static async Task<Results<Accepted<CreatedSampleView>, ProblemHttpResult>> CreateAsync(
        string name, CurrentUser current, DatasetQuota quota, DatasetUploads uploads, TimeProvider clock, CancellationToken ct)
    {
        if (SampleDatasets.Find(name) is not { } sample)
        {
            return ProblemResults.NotFound(
                $"There is no sample named '{name}'. The samples are: {string.Join(", ", SampleDatasets.All.Select(s => s.View.Name))}.");
        }
        await using var bundled = sample.Open();
        var reservation = await quota.ReserveAsync(current.Id, Guid.CreateVersion7(), bundled.Length, clock.GetUtcNow() + Hold, null, ct);
        if (reservation.Problem is not null)
        {
            return DatasetQuota.Exceeded(reservation.Problem);
        }
        try
        {
            await using var file = await UploadedFile.CopyAsync(bundled, sample.FileName, reservation.Bytes, ct);
            var (dataset, full) = await uploads.AcceptAsync(current.Id, sample.FileName, file, reservation.Id, ct);
            return dataset is null
                ? DatasetQuota.Exceeded(full!)
                : TypedResults.Accepted($"/api/v1/datasets/{dataset.Id}", new CreatedSampleView(dataset.ToView(), sample.View.Target, sample.View.Task));
        }
        finally
        {
            // Stored, the reservation is gone already; failed, its room is given back.
            await quota.ReleaseAsync(reservation.Id);
        }
    }
}
