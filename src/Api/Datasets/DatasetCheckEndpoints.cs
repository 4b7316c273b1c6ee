using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Datasets;

/// <summary>GET /datasets/{id}/checks?target=: the data checks for a target chosen on the Train page, before anyone pays.</summary>
internal static class DatasetCheckEndpoints
{
    public static void MapDatasetCheckEndpoints(this RouteGroupBuilder datasets) =>
        datasets.MapGet("/{id:guid}/checks", ChecksAsync)
            .WithDescription("The data checks for a target: the columns' own (identifiers, constants, missing values, repeats, copies, dates) and the target's (a column that alone predicts it almost perfectly, class imbalance), with the columns a training job leaves out unless kept.");

    private static async Task<Results<Ok<DatasetChecksView>, ProblemHttpResult, ValidationProblem>> ChecksAsync(
        Guid id, string target, CurrentUser current, AutoMlDbContext db, DatasetTargetChecks targetChecks, CancellationToken ct, string? task = null)
    {
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.UserId == current.Id, ct);
        if (dataset is null)
        {
            return ProblemResults.NotFound(DatasetEndpoints.Missing);
        }
        if (dataset.Status != DatasetStatus.Ready)
        {
            return ProblemResults.Conflict("This data set is not ready: its checks come with its ingest.");
        }
        var columns = DatasetViews.Columns(dataset) ?? [];
        if (columns.All(c => c.Name != target))
        {
            return ProblemResults.Validation("target", $"The data set has no column '{target}'.");
        }
        if (task is not null && task.ToLowerInvariant() is not ("binary" or "multiclass" or "regression"))
        {
            return ProblemResults.Validation("task", "task is one of binary, multiclass, regression, or left out to be inferred.");
        }
        var checks = await targetChecks.ForTargetAsync(dataset, target, task, ct);
        if (checks is null)
        {
            return ProblemResults.Conflict("This data set was ingested before data checks existed: upload it again (as a new version) to have it checked.");
        }
        var effective = task?.ToLowerInvariant() ?? DatasetCheckRun.TaskOf(dataset, target);
        return TypedResults.Ok(new DatasetChecksView(dataset.Id, target, effective, checks,
            [.. DatasetCheckRun.ExcludedByDefault(checks).Where(c => c != target)]));
    }
}
