using System.Text.Json;
using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Datasets;

/// <summary>GET /datasets/{id}/associations: how strongly the top columns go together, as the ingest measured them on the sample.</summary>
internal static class DatasetAssociationEndpoints
{
    public static void MapDatasetAssociationEndpoints(this RouteGroupBuilder datasets) =>
        datasets.MapGet("/{id:guid}/associations", AssociationsAsync)
            .WithDescription("Pairwise associations among the data set's most complete columns (at most 20), measured on its sample: Pearson and Spearman for two numbers (−1 to 1), Cramér's V for two categories and the correlation ratio eta for a number (a) and a category (b) (0 to 1).");

    private static async Task<Results<Ok<DatasetAssociations>, ProblemHttpResult>> AssociationsAsync(
        Guid id, CurrentUser current, AutoMlDbContext db, CancellationToken ct)
    {
        var dataset = await db.Datasets.AsNoTracking()
            .Where(d => d.Id == id && d.UserId == current.Id)
            .Select(d => new { d.Status, d.AssociationsJson })
            .SingleOrDefaultAsync(ct);
        if (dataset is null)
        {
            return ProblemResults.NotFound(DatasetEndpoints.Missing);
        }
        if (dataset.Status != DatasetStatus.Ready)
        {
            return ProblemResults.Conflict("This data set is not ready: its associations come with its ingest.");
        }
        if (dataset.AssociationsJson is null)
        {
            return ProblemResults.Conflict("This data set was ingested before associations were computed: upload it again (as a new version) to have them.");
        }
        return TypedResults.Ok(JsonSerializer.Deserialize<DatasetAssociations>(dataset.AssociationsJson, JsonSerializerOptions.Web)!);
    }
}
