using System.Text.Json;
using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.RateLimiting;
using AutoMl.Api.Security;
using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Models;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.RateLimiting;
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
        models.MapGet("/{id:guid}", GetAsync);
        models.MapGet("/{id:guid}/download", DownloadAsync);
        models.MapDelete("/{id:guid}", DeleteAsync).KeysNeed(ApiKeyScope.Full);
        models.MapPost("/{id:guid}/predict", PredictAsync).RateLimited(RouteClass.Prediction);
        models.MapBatchPredictionEndpoints();
    }

    private static async Task<Ok<Page<ModelSummary>>> ListAsync(CurrentUser current, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct)
    {
        var items = await db.Models.AsNoTracking().Where(m => m.UserId == current.Id).OrderByDescending(m => m.CreatedAt).Take(200)
            .Select(m => new ModelSummary(m.Id, m.JobId, m.DatasetId, m.Task, m.Target, m.Metric, m.Score, m.CreatedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<ModelSummary>(items, null));
    }

    private static async Task<Results<Ok<ModelView>, ProblemHttpResult>> GetAsync(Guid id, CurrentUser current, AutoMlDbContext db, CancellationToken ct) =>
        await FindAsync(db, current, id, ct) is { } m
            ? TypedResults.Ok(new ModelView(m.Id, m.JobId, m.DatasetId, m.Task, m.Target, m.Metric, m.Score, Json(m.MetricsJson), Json(m.ClassesJson),
                Json(m.ImportanceJson), Json(m.CurvesJson), Json(m.LeaderboardJson), Json(m.InputColumnsJson), m.BundleBytes, m.CreatedAt))
            : ProblemResults.NotFound(Missing);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, CurrentUser current, AutoMlDbContext db, IBlobStore blobs, CancellationToken ct)
    {
        if (await FindAsync(db, current, id, ct) is not { } model)
        {
            return ProblemResults.NotFound(Missing);
        }
        return TypedResults.Stream(await blobs.OpenReadAsync(model.BundleKey, ct), "application/zip", $"model-{model.Id:N}.automl");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, CurrentUser current, AutoMlDbContext db, IBlobStore blobs, ModelCache cache, CancellationToken ct)
    {
        if (await FindAsync(db, current, id, ct) is not { } model)
        {
            return ProblemResults.NotFound(Missing);
        }
        db.Models.Remove(model);
        await db.SaveChangesAsync(ct);
        await blobs.DeleteAsync(model.BundleKey, ct);
        cache.Forget(model.Id);
        return TypedResults.NoContent();
    }

    /// <summary>Priced per 1,000 rows like a batch prediction and charged once it succeeded; see <see cref="OnlinePrediction"/>.</summary>
    private static Task<Results<Ok<PredictResponse>, ProblemHttpResult, ValidationProblem>> PredictAsync(
        Guid id, PredictRequest request, CurrentUser current, OnlinePrediction prediction, HttpContext http, CancellationToken ct,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null) =>
        prediction.PredictAsync(http, current.Id, id, request, idempotencyKey, ct);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static Task<Model?> FindAsync(AutoMlDbContext db, CurrentUser current, Guid id, CancellationToken ct) =>
        db.Models.SingleOrDefaultAsync(m => m.Id == id && m.UserId == current.Id, ct);
}
