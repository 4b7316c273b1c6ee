using System.ComponentModel;
using System.Globalization;
using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Paging;
using AutoMl.Api.Security;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Registry;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoMl.Api.Registry;

/// <summary>/registered-models: named lines of models with numbered versions and movable aliases.</summary>
internal static class RegisteredModelEndpoints
{
    private const int MaxTags = 20;
    private const int MaxTagLength = 50;

    public static void MapRegisteredModelEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/registered-models").WithTags("Registered models").RequireAuthorization().RequireAntiforgeryForCookies()
            .KeysNeed(ApiKeyScope.Read, ApiKeyScope.Train);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapGet("/{name}", GetAsync);
        group.MapPatch("/{name}", UpdateAsync);
        group.MapDelete("/{name}", DeleteAsync).KeysNeed(ApiKeyScope.Full);
        group.MapGet("/{name}/versions", VersionsAsync);
        group.MapPost("/{name}/versions", AddVersionAsync);
        group.MapGet("/{name}/versions/{version:int}", VersionAsync);
        group.MapPut("/{name}/aliases/{alias}", MoveAliasAsync);
        group.MapDelete("/{name}/aliases/{alias}", RemoveAliasAsync);
        group.MapGet("/{name}/aliases/{alias}/history", HistoryAsync);
    }

    private static string Missing(string name) => $"No registered model named '{name}' exists in your account.";

    private static async Task<Results<Ok<Page<RegisteredModelView>>, ValidationProblem>> ListAsync(
        CurrentUser current, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct,
        [Description("Only registered models whose name contains this text, or with this tag.")] string? q = null,
        int pageSize = 50, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        var query = db.RegisteredModels.AsNoTracking().Where(r => r.UserId == current.Id);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            query = query.Where(r => r.Name.Contains(text) || r.Tags.Contains(text));
        }
        var page = await KeysetPage.ReadAsync(query, pageSize, cursor, r => r, ct);
        if (page is null)
        {
            return ProblemResults.Validation("cursor", KeysetPage.BadCursor);
        }
        return TypedResults.Ok(new Page<RegisteredModelView>(await RegistryViews.RegisteredAsync(db, page.Items, ct), page.NextCursor));
    }

    private static async Task<Results<Created<RegisteredModelView>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        CreateRegisteredModelRequest request, CurrentUser current, AutoMlDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (RegistryNames.NameProblem(request.Name, "registered model") is { } bad)
        {
            return ProblemResults.Validation("name", bad);
        }
        if (request.Task is { } task && !MetricNames.ByTask.ContainsKey(task))
        {
            return ProblemResults.Validation("task", $"task is one of {string.Join(", ", MetricNames.ByTask.Keys)}.");
        }
        if (request.Target is { Length: 0 or > 300 })
        {
            return ProblemResults.Validation("target", "target is a column name of 1 to 300 characters.");
        }
        if (DescriptionProblem(request.Description) is { } d)
        {
            return d;
        }
        if (TagsProblem(request.Tags) is { } t)
        {
            return t;
        }
        var now = clock.GetUtcNow();
        var registered = new RegisteredModel
        {
            Id = Guid.CreateVersion7(),
            UserId = current.Id,
            Name = request.Name!,
            Description = request.Description,
            Tags = Tags(request.Tags),
            Task = request.Task,
            Target = request.Target,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.RegisteredModels.Add(registered);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ProblemResults.Conflict($"A registered model named '{request.Name}' already exists in your account; pick another name or add a version to it.");
        }
        var view = (await RegistryViews.RegisteredAsync(db, [registered], ct))[0];
        return TypedResults.Created($"/api/v1/registered-models/{registered.Name}", view);
    }

    private static async Task<Results<Ok<RegisteredModelView>, ProblemHttpResult>> GetAsync(string name, CurrentUser current, AutoMlDbContext db, CancellationToken ct) =>
        await FindAsync(db, current.Id, name, ct) is { } registered
            ? TypedResults.Ok((await RegistryViews.RegisteredAsync(db, [registered], ct))[0])
            : ProblemResults.NotFound(Missing(name));

    private static async Task<Results<Ok<RegisteredModelView>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        string name, UpdateRegisteredModelRequest request, CurrentUser current, AutoMlDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (DescriptionProblem(request.Description) is { } d)
        {
            return d;
        }
        if (TagsProblem(request.Tags) is { } t)
        {
            return t;
        }
        if (await FindAsync(db, current.Id, name, ct, track: true) is not { } registered)
        {
            return ProblemResults.NotFound(Missing(name));
        }
        if (request.Description is not null)
        {
            registered.Description = request.Description.Length == 0 ? null : request.Description;
        }
        if (request.Tags is not null)
        {
            registered.Tags = Tags(request.Tags);
        }
        registered.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await RegistryViews.RegisteredAsync(db, [registered], ct))[0]);
    }

    /// <summary>Deletes the registered model, its versions and aliases; the trained models stay in the account.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string name, CurrentUser current, AutoMlDbContext db, CancellationToken ct)
    {
        if (await FindAsync(db, current.Id, name, ct, track: true) is not { } registered)
        {
            return ProblemResults.NotFound(Missing(name));
        }
        var serving = await db.Endpoints.AsNoTracking().Where(e => e.RegisteredModelId == registered.Id).Select(e => e.Name).ToListAsync(ct);
        if (serving.Count > 0)
        {
            return ProblemResults.Conflict($"The endpoint{(serving.Count == 1 ? "" : "s")} {string.Join(", ", serving)} serve{(serving.Count == 1 ? "s" : "")} {name}: delete {(serving.Count == 1 ? "it" : "them")} or point {(serving.Count == 1 ? "it" : "them")} elsewhere first.");
        }
        db.RegisteredModels.Remove(registered);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            return ProblemResults.Conflict($"An endpoint was just bound to {name}: delete it or point it elsewhere first.");
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Page<ModelVersionView>>, ProblemHttpResult, ValidationProblem>> VersionsAsync(
        string name, CurrentUser current, AutoMlDbContext db, CancellationToken ct, int pageSize = 50, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        int? before = null;
        if (cursor is not null)
        {
            if (!Cursor.TryDecodeParts(cursor, 1, out var parts) || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                return ProblemResults.Validation("cursor", KeysetPage.BadCursor);
            }
            before = v;
        }
        if (await FindAsync(db, current.Id, name, ct) is not { } registered)
        {
            return ProblemResults.NotFound(Missing(name));
        }
        var rows = await db.ModelVersions.AsNoTracking().Where(v => v.RegisteredModelId == registered.Id && (before == null || v.Version < before))
            .OrderByDescending(v => v.Version).Take(pageSize + 1).ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.EncodeParts(rows[pageSize - 1].Version.ToString(CultureInfo.InvariantCulture)) : null;
        return TypedResults.Ok(new Page<ModelVersionView>(await RegistryViews.VersionsAsync(db, registered.Id, rows.Take(pageSize).ToList(), ct), next));
    }

    private static async Task<Results<Ok<ModelVersionView>, ProblemHttpResult>> VersionAsync(string name, int version, CurrentUser current, AutoMlDbContext db, CancellationToken ct)
    {
        if (await FindAsync(db, current.Id, name, ct) is not { } registered)
        {
            return ProblemResults.NotFound(Missing(name));
        }
        var row = await db.ModelVersions.AsNoTracking().SingleOrDefaultAsync(v => v.RegisteredModelId == registered.Id && v.Version == version, ct);
        return row is null
            ? ProblemResults.NotFound($"{name} has no version {version}; its versions run from 1 to {registered.LatestVersion}.")
            : TypedResults.Ok((await RegistryViews.VersionsAsync(db, registered.Id, [row], ct))[0]);
    }

    private static async Task<Results<Created<ModelVersionView>, ProblemHttpResult, ValidationProblem>> AddVersionAsync(
        string name, AddVersionRequest request, CurrentUser current, AutoMlDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (request.ModelId is not { } modelId)
        {
            return ProblemResults.Validation("modelId", "Name the trained model to add as a version (modelId).");
        }
        if (DescriptionProblem(request.Description) is { } d)
        {
            return d;
        }
        if (await FindAsync(db, current.Id, name, ct) is not { } registered)
        {
            return ProblemResults.NotFound(Missing(name));
        }
        var model = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.Id == modelId && m.UserId == current.Id, ct);
        if (model is null)
        {
            return ProblemResults.NotFound($"No model with the id {modelId} exists in your account.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var outcome = await ModelRegistration.AddAsync(db, registered.Id, model, "manual", request.Description, clock.GetUtcNow(), ct);
        switch (outcome)
        {
            case ModelRegistration.Outcome.Added added:
                await tx.CommitAsync(ct);
                var view = (await RegistryViews.VersionsAsync(db, registered.Id, [added.Version], ct))[0];
                return TypedResults.Created($"/api/v1/registered-models/{name}/versions/{added.Version.Version}", view);
            case ModelRegistration.Outcome.AlreadyRegistered already:
                return ProblemResults.Conflict($"This model is already version {already.Version} of {name}.");
            case ModelRegistration.Outcome.Unfit unfit:
                return ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "Does not fit the registered model",
                    ModelRegistration.Describe(unfit.Differences, name), new Dictionary<string, object?> { ["differences"] = unfit.Differences });
            default:
                throw new InvalidOperationException("A registration ends as added, already registered or unfit.");
        }
    }

    private static async Task<Results<Ok<AliasView>, ProblemHttpResult, ValidationProblem>> MoveAliasAsync(
        string name, string alias, MoveAliasRequest request, CurrentUser current, AutoMlDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (RegistryNames.AliasProblem(alias) is { } bad)
        {
            return ProblemResults.Validation("alias", bad);
        }
        if (request.Version is not { } version)
        {
            return ProblemResults.Validation("version", "Name the version the alias is to point at (version).");
        }
        if (ReasonProblem(request.Reason) is { } r)
        {
            return r;
        }
        if (await FindAsync(db, current.Id, name, ct) is not { } registered)
        {
            return ProblemResults.NotFound(Missing(name));
        }
        if (!await db.ModelVersions.AnyAsync(v => v.RegisteredModelId == registered.Id && v.Version == version, ct))
        {
            return ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "No such version",
                registered.LatestVersion == 0 ? $"{name} has no versions yet: add one before pointing an alias at it." : $"{name} has no version {version}; its versions run from 1 to {registered.LatestVersion}.");
        }
        var actor = await Actors.DescribeAsync(http, db, current.Id, ct);
        var moved = await AliasMoves.MoveAsync(db, registered.Id, alias, version, actor, request.Reason!.Trim(), clock.GetUtcNow(), ct);
        return TypedResults.Ok(new AliasView(alias, moved!.Version, moved.UpdatedAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> RemoveAliasAsync(
        string name, string alias, CurrentUser current, AutoMlDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct,
        [Description("Why the alias goes, as its history shows it.")] string? reason = null)
    {
        if (ReasonProblem(reason) is { } r)
        {
            return r;
        }
        if (await FindAsync(db, current.Id, name, ct) is not { } registered)
        {
            return ProblemResults.NotFound(Missing(name));
        }
        if (!await db.ModelAliases.AnyAsync(a => a.RegisteredModelId == registered.Id && a.Alias == alias, ct))
        {
            return ProblemResults.NotFound($"{name} has no alias '{alias}'.");
        }
        var serving = await db.Endpoints.AsNoTracking().Where(e => e.RegisteredModelId == registered.Id && (e.Alias == alias || e.ChallengerAlias == alias)).Select(e => e.Name).ToListAsync(ct);
        if (serving.Count > 0)
        {
            return ProblemResults.Conflict($"The endpoint{(serving.Count == 1 ? "" : "s")} {string.Join(", ", serving)} serve{(serving.Count == 1 ? "s" : "")} the alias {alias}: point {(serving.Count == 1 ? "it" : "them")} at another alias first.");
        }
        var actor = await Actors.DescribeAsync(http, db, current.Id, ct);
        await AliasMoves.MoveAsync(db, registered.Id, alias, null, actor, reason!.Trim(), clock.GetUtcNow(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Page<AliasMoveView>>, ProblemHttpResult, ValidationProblem>> HistoryAsync(
        string name, string alias, CurrentUser current, AutoMlDbContext db, CancellationToken ct, int pageSize = 50, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        long? before = null;
        if (cursor is not null)
        {
            if (!Cursor.TryDecodeParts(cursor, 1, out var parts) || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return ProblemResults.Validation("cursor", KeysetPage.BadCursor);
            }
            before = id;
        }
        if (await FindAsync(db, current.Id, name, ct) is not { } registered)
        {
            return ProblemResults.NotFound(Missing(name));
        }
        var rows = await db.AliasMoves.AsNoTracking().Where(m => m.RegisteredModelId == registered.Id && m.Alias == alias && (before == null || m.Id < before))
            .OrderByDescending(m => m.Id).Take(pageSize + 1).ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.EncodeParts(rows[pageSize - 1].Id.ToString(CultureInfo.InvariantCulture)) : null;
        return TypedResults.Ok(new Page<AliasMoveView>(rows.Take(pageSize).Select(m => new AliasMoveView(m.Id, m.Alias, m.FromVersion, m.ToVersion, m.Actor, m.Reason, m.At)).ToList(), next));
    }

    public static Task<RegisteredModel?> FindAsync(AutoMlDbContext db, Guid userId, string name, CancellationToken ct, bool track = false)
    {
        var query = db.RegisteredModels.Where(r => r.UserId == userId && r.Name == name);
        return (track ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
    }

    private static ValidationProblem? DescriptionProblem(string? description) =>
        description is { Length: > 2000 } ? ProblemResults.Validation("description", "A description has at most 2,000 characters.") : null;

    private static ValidationProblem? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Length > 500
            ? ProblemResults.Validation("reason", "Say why in 1 to 500 characters (reason): the alias's history shows it to whoever asks later.")
            : null;

    private static ValidationProblem? TagsProblem(IReadOnlyList<string>? tags) =>
        tags is null ? null
        : tags.Count > MaxTags || tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Trim().Length > MaxTagLength)
            ? ProblemResults.Validation("tags", $"Up to {MaxTags} tags of 1 to {MaxTagLength} characters each.")
            : null;

    private static List<string> Tags(IReadOnlyList<string>? tags) =>
        tags?.Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList() ?? [];
}
