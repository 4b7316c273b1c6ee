using System.ComponentModel;
using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Paging;
using AutoMl.Api.RateLimiting;
using AutoMl.Api.Security;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Models;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.RateLimiting;
using AutoMl.Ml.Onnx;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Models;

internal static class ModelEndpoints
{
    private const string Missing = "No model with this id exists in your account.";

    public static void MapModelEndpoints(this RouteGroupBuilder api)
    {
        var models = api.MapGroup("/models").WithTags("Models").RequireAuthorization().RequireAntiforgeryForCookies()
            .KeysNeed(ApiKeyScope.Read, ApiKeyScope.Train);
        models.MapGet("/", ListAsync);
        models.MapGet("/compare", CompareAsync);
        models.MapGet("/{id:guid}", GetAsync);
        models.MapGet("/{id:guid}/download", DownloadAsync)
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip", "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        models.MapDelete("/{id:guid}", DeleteAsync).KeysNeed(ApiKeyScope.Full);
        models.MapPost("/{id:guid}/predict", PredictAsync).RateLimited(RouteClass.Prediction);
        models.MapBatchPredictionEndpoints();
        Evaluations.EvaluationEndpoints.MapEvaluationEndpoints(models);
        models.MapModelEffectsEndpoints();
        models.MapThresholdEndpoints();
    }

    private static async Task<Results<Ok<Page<ModelSummary>>, ValidationProblem>> ListAsync(
        CurrentUser current, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct,
        [Description("Only models of this task: binary, multiclass or regression.")] string? task = null,
        [Description("Only models trained on this data set.")] Guid? datasetId = null,
        [Description("Only models whose target or data set name contains this text (any case).")] string? q = null,
        [Description("created (default), score or size. Sorting by score sorts by how good it is: a loss (rmse, mae, logloss) is better low.")] string sort = "created",
        [Description("desc (default): newest, best or largest first; asc: the other way.")] string order = "desc",
        int pageSize = 50,
        string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        if (task is not null && !MetricNames.ByTask.ContainsKey(task))
        {
            return ProblemResults.Validation("task", $"task is one of {string.Join(", ", MetricNames.ByTask.Keys)}.");
        }
        ModelSort? by = sort.ToLowerInvariant() switch
        {
            "created" => ModelSort.Created,
            "score" => ModelSort.Score,
            "size" => ModelSort.Size,
            _ => null,
        };
        if (by is null)
        {
            return ProblemResults.Validation("sort", "sort is one of created, score, size.");
        }
        if (order is not ("asc" or "desc"))
        {
            return ProblemResults.Validation("order", "order is asc or desc.");
        }
        if (q is { Length: > 200 })
        {
            return ProblemResults.Validation("q", "The search text has at most 200 characters.");
        }
        var query = new ModelListQuery(task, datasetId, string.IsNullOrWhiteSpace(q) ? null : q.Trim(), by.Value, order == "desc", pageSize, cursor);
        var page = await ModelList.ReadAsync(db, current.Id, query, ct);
        return page is null ? ProblemResults.Validation("cursor", KeysetPage.BadCursor) : TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<ModelComparison>, ProblemHttpResult>> CompareAsync(
        CurrentUser current, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct,
        [Description("Two to four model ids, separated by commas.")] string? ids = null)
    {
        var parts = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var wanted = new List<Guid>();
        foreach (var part in parts)
        {
            if (!Guid.TryParse(part, out var id))
            {
                return ProblemResults.BadRequest($"'{Shorten(part)}' is not a model id: ids takes two to four model ids separated by commas.");
            }
            if (!wanted.Contains(id))
            {
                wanted.Add(id);
            }
        }
        if (wanted.Count is < ModelCompare.Fewest or > ModelCompare.Most)
        {
            return ProblemResults.BadRequest($"Pick two to four different models to compare; ids named {wanted.Count}.");
        }
        var models = await db.Models.AsNoTracking().Where(m => m.UserId == current.Id && wanted.Contains(m.Id)).ToListAsync(ct);
        if (wanted.FirstOrDefault(id => models.All(m => m.Id != id)) is var absent && absent != Guid.Empty)
        {
            return ProblemResults.NotFound($"No model with the id {absent} exists in your account.");
        }
        var datasetIds = models.Select(m => m.DatasetId).Distinct().ToList();
        var names = await db.Datasets.AsNoTracking().Where(d => d.UserId == current.Id && datasetIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return TypedResults.Ok(ModelCompare.Build(wanted.Select(id => models.Single(m => m.Id == id)).ToList(), names));
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static async Task<Results<Ok<ModelView>, ProblemHttpResult>> GetAsync(Guid id, CurrentUser current, AutoMlDbContext db, CancellationToken ct) =>
        await FindAsync(db, current, id, ct) is { } m ? TypedResults.Ok(ModelViews.From(m)) : ProblemResults.NotFound(Missing);

    private static async Task<Results<FileStreamHttpResult, FileContentHttpResult, ProblemHttpResult, ValidationProblem>> DownloadAsync(
        Guid id, CurrentUser current, AutoMlDbContext db, IBlobStore blobs, ModelCache cache, CancellationToken ct,
        [Description("bundle (default): the .automl file the AutoMl.Runtime package loads; onnx: the model as one ONNX graph, featurisation included (422 when it cannot be expressed).")] string? format = null)
    {
        if (format is not (null or "bundle" or "onnx"))
        {
            return ProblemResults.Validation("format", "format is bundle or onnx.");
        }
        if (await FindAsync(db, current, id, ct) is not { } model)
        {
            return ProblemResults.NotFound(Missing);
        }
        if (format != "onnx")
        {
            return TypedResults.Stream(await blobs.OpenReadAsync(model.BundleKey, ct), "application/zip", $"model-{model.Id:N}.automl");
        }
        try
        {
            var bundle = await cache.GetAsync(model.Id, model.BundleKey, ct);
            return TypedResults.File(bundle.ToOnnx(), "application/octet-stream", $"model-{model.Id:N}.onnx");
        }
        catch (OnnxExportException e)
        {
            return ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "Cannot export to ONNX", ModelExport.Sentence(e.Message));
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, CurrentUser current, AutoMlDbContext db, IBlobStore blobs, ModelCache cache, ModelTargets targets, CancellationToken ct)
    {
        if (await FindAsync(db, current, id, ct) is not { } model)
        {
            return ProblemResults.NotFound(Missing);
        }
        var versions = await (from v in db.ModelVersions.AsNoTracking()
                              where v.ModelId == model.Id
                              join r in db.RegisteredModels on v.RegisteredModelId equals r.Id
                              select r.Name + " version " + v.Version).ToListAsync(ct);
        if (versions.Count > 0)
        {
            // Endpoints may serve it: a version's model goes only with its registered model.
            return ProblemResults.Conflict($"This model is {string.Join(" and ", versions)}: delete the registered model first, or keep the model.");
        }
        db.Models.Remove(model);
        await db.SaveChangesAsync(ct);
        await targets.ChangedAsync(model.Id);
        await blobs.DeleteAsync(model.BundleKey, ct);
        await blobs.DeleteAsync(BlobKeys.ModelHoldout(model.UserId, model.Id), ct);
        cache.Forget(model.Id);
        return TypedResults.NoContent();
    }

    /// <summary>Priced per 1,000 rows like a batch prediction and charged once it succeeded; see <see cref="OnlinePrediction"/>.</summary>
    private static Task<Results<Ok<PredictResponse>, ProblemHttpResult, ValidationProblem>> PredictAsync(
        Guid id, PredictRequest request, CurrentUser current, OnlinePrediction prediction, HttpContext http, CancellationToken ct,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null) =>
        prediction.PredictAsync(http, current.Id, id, request, idempotencyKey, ct);

    private static Task<Model?> FindAsync(AutoMlDbContext db, CurrentUser current, Guid id, CancellationToken ct) =>
        db.Models.SingleOrDefaultAsync(m => m.Id == id && m.UserId == current.Id, ct);
}
