using System.Security.Claims;
using AutoMl.Api.Errors;
using AutoMl.Api.Events;
using AutoMl.Api.Security;
using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Accounts;

internal static class ApiKeyEndpoints
{
    private const int MaxActiveKeys = 50;

    public static void MapApiKeyEndpoints(this RouteGroupBuilder api)
    {
        // Keys never manage keys: a leaked one could otherwise mint a wider one, or revoke the owner's.
        var keys = api.MapGroup("/api-keys").WithTags("Accounts").RequireAuthorization().RequireAntiforgeryForCookies().NotForKeys();
        keys.MapPost("/", CreateAsync).RequireRecentSignIn();
        keys.MapGet("/", ListAsync);
        keys.MapGet("/current", CurrentAsync).KeysNeed(ApiKeyScope.Read)
            .WithDescription("The API key this request is made with: its name, prefix and scope. Only for requests made with a key.");
        keys.MapDelete("/{id:guid}", RevokeAsync);
    }

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        CreateApiKeyRequest request, CurrentUser current, AutoMlDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var scope = ApiKeyScopes.Default;
        if (request.Scope is not null && !ApiKeyScopes.TryParse(request.Scope, out scope))
        {
            return ProblemResults.Validation("scope",
                $"'{request.Scope}' is not a key scope: use read, train or full (lower case). Leave it out for train, what a CI pipeline needs.");
        }
        if (scope == ApiKeyScope.Admin && !http.User.IsInRole(Admin.AdminRole.Name))
        {
            return ProblemResults.Problem(StatusCodes.Status403Forbidden, "Forbidden", "Only admins can create a key with the 'admin' scope.");
        }
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
            Scope = scope,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.ApiKeyCreate, current.Id, ct, targetType: "api-key", targetId: key.Id.ToString(),
            detail: $"Key '{key.Name}' ({key.Prefix}…, scope {scope.ToString().ToLowerInvariant()}).");
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", new CreatedApiKey(key.Id, key.Name, secret, key.Prefix, scope, key.CreatedAt));
    }

    private static async Task<Ok<Page<ApiKeyView>>> ListAsync(CurrentUser current, AutoMlDbContext db, CancellationToken ct)
    {
        var items = await db.ApiKeys.AsNoTracking()
            .Where(k => k.UserId == current.Id && k.RevokedAt == null)
            .OrderByDescending(k => k.CreatedAt)
            .Select(k => new { k.Id, k.Name, k.Prefix, k.Scope, k.CreatedAt, k.LastUsedAt })
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<ApiKeyView>(
            items.Select(k => new ApiKeyView(k.Id, k.Name, k.Prefix, k.Scope, k.CreatedAt, k.LastUsedAt)).ToList(), null));
    }

    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> CurrentAsync(
        HttpContext http, CurrentUser current, AutoMlDbContext db, CancellationToken ct)
    {
        if (!Guid.TryParse(http.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim), out var id))
        {
            return ProblemResults.NotFound("This request was not made with an API key: send one as 'Authorization: Bearer aml_…'.");
        }
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Id == id && k.UserId == current.Id && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Name, k.Prefix, k.Scope, k.CreatedAt, k.LastUsedAt })
            .SingleOrDefaultAsync(ct);
        return key is null
            ? ProblemResults.NotFound("This API key no longer exists.")
            : TypedResults.Ok(new ApiKeyView(key.Id, key.Name, key.Prefix, key.Scope, key.CreatedAt, key.LastUsedAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, CurrentUser current, AutoMlDbContext db, LiveConnections live, AuditLog audit, ApiKeyPrincipals known, AccountAnnouncements accounts,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var revoked = await db.ApiKeys
            .Where(k => k.Id == id && k.UserId == current.Id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
        if (revoked != 1)
        {
            return ProblemResults.NotFound("No active API key with this id exists in your account.");
        }
        await audit.RecordAsync(AuditActions.ApiKeyRevoke, current.Id, ct, targetType: "api-key", targetId: id.ToString());
        await tx.CommitAsync(ct);
        // Every instance may remember the key for a while: this one forgets it now, the others as they hear of it.
        known.ForgetKey(id);
        await accounts.ApiKeyRevokedAsync(id);
        await live.CloseKeyAsync(id);
        return TypedResults.NoContent();
    }
}
