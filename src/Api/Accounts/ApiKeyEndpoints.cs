using AutoMl.Api.Errors;
using AutoMl.Api.Security;
using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Accounts;

internal static class ApiKeyEndpoints
{
    private const int MaxActiveKeys = 50;

    public static void MapApiKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("Accounts").RequireAuthorization().RequireAntiforgeryForCookies();
        keys.MapPost("/", CreateAsync).RequireRecentSignIn();
        keys.MapGet("/", ListAsync);
        keys.MapDelete("/{id:guid}", RevokeAsync);
    }

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateAsync(
        CreateApiKeyRequest request, CurrentUser current, AutoMlDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var active = await db.ApiKeys.CountAsync(k => k.UserId == current.Id && k.RevokedAt == null, ct);
        if (active >= MaxActiveKeys)
        {
            return ProblemResults.Conflict($"You already have {MaxActiveKeys} active API keys: revoke one you no longer use first.");
        }
        var secret = ApiKeyFormat.NewKey();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            UserId = current.Id,
            Name = request.Name.Trim(),
            Prefix = ApiKeyFormat.VisiblePrefix(secret),
            KeyHash = ApiKeyFormat.Hash(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", new CreatedApiKey(key.Id, key.Name, secret, key.Prefix, key.CreatedAt));
    }

    private static async Task<Ok<Page<ApiKeyView>>> ListAsync(CurrentUser current, AutoMlDbContext db, CancellationToken ct)
    {
        var items = await db.ApiKeys.AsNoTracking()
            .Where(k => k.UserId == current.Id && k.RevokedAt == null)
            .OrderByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyView(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<ApiKeyView>(items, null));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, CurrentUser current, AutoMlDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var revoked = await db.ApiKeys
            .Where(k => k.Id == id && k.UserId == current.Id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
        return revoked == 1 ? TypedResults.NoContent() : ProblemResults.NotFound("No active API key with this id exists in your account.");
    }
}
