using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Models;

/// <summary>GET /models/{id}/effects: partial dependence, ICE lines and the SHAP summary stored in the model's bundle.</summary>
internal static class ModelEffectsEndpoints
{
    public static void MapModelEffectsEndpoints(this RouteGroupBuilder models) =>
        models.MapGet("/{id:guid}/effects", EffectsAsync)
            .WithDescription("How the model's top features move its output, computed at the end of training on a sample of training rows: partial dependence with ICE lines, and a SHAP summary (beeswarm).");

    private static async Task<Results<Ok<ModelEffects>, ProblemHttpResult>> EffectsAsync(
        Guid id, CurrentUser current, AutoMlDbContext db, ModelCache cache, CancellationToken ct)
    {
        var bundleKey = await db.Models.AsNoTracking().Where(m => m.Id == id && m.UserId == current.Id).Select(m => m.BundleKey).SingleOrDefaultAsync(ct);
        if (bundleKey is null)
        {
            return ProblemResults.NotFound("No model with this id exists in your account.");
        }
        // The effects live in the bundle; the cache keeps it loaded for the predictions that usually follow.
        var bundle = await cache.GetAsync(id, bundleKey, ct);
        return bundle.Manifest.Effects is { } effects
            ? TypedResults.Ok(ModelEffects.From(id, effects))
            : ProblemResults.Conflict("This model was trained before feature effects were computed: train it again to see them.");
    }
}
