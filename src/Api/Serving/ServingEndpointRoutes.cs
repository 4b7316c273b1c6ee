using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Paging;
using AutoMl.Api.RateLimiting;
using AutoMl.Api.Registry;
using AutoMl.Api.Security;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Registry;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.RateLimiting;
using AutoMl.Infrastructure.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoMl.Api.Serving;

/// <summary>/endpoints: stable names bound to a registered model's alias; predictions through them are in <see cref="EndpointPrediction"/>.</summary>
internal static class ServingEndpointRoutes
{
    public static void MapServingEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/endpoints").WithTags("Endpoints").RequireAuthorization().RequireAntiforgeryForCookies()
            .KeysNeed(ApiKeyScope.Read, ApiKeyScope.Train);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapGet("/{name}", GetAsync);
        group.MapPatch("/{name}", UpdateAsync);
        group.MapDelete("/{name}", DeleteAsync).KeysNeed(ApiKeyScope.Full);
        group.MapPost("/{name}/predict", EndpointPrediction.PredictAsync).RateLimited(RouteClass.Prediction);
        group.MapPost("/{name}/predictions", EndpointPrediction.BatchAsync);
        group.MapPost("/{name}/feedback", EndpointPrediction.FeedbackAsync);
        group.MapGet("/{name}/logs", EndpointLogs.ListAsync);
        group.MapGet("/{name}/stats", EndpointLogs.StatsAsync);
        group.MapGet("/{name}/monitoring", EndpointMonitoring.GetAsync);
        group.MapPatch("/{name}/monitoring", EndpointMonitoring.UpdateAsync);
        api.MapGet("/alerts", EndpointMonitoring.AlertsAsync).WithTags("Endpoints").RequireAuthorization().KeysNeed(ApiKeyScope.Read);
    }

    public static string Missing(string name) => $"No endpoint named '{name}' exists in your account.";

    private static async Task<Results<Ok<Page<EndpointView>>, ValidationProblem>> ListAsync(
        CurrentUser current, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct, int pageSize = 50, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        var page = await KeysetPage.ReadAsync(db.Endpoints.AsNoTracking().Where(e => e.UserId == current.Id), pageSize, cursor, e => e, ct);
        if (page is null)
        {
            return ProblemResults.Validation("cursor", KeysetPage.BadCursor);
        }
        return TypedResults.Ok(new Page<EndpointView>(await ViewsAsync(db, page.Items, ct), page.NextCursor));
    }

    private static async Task<Results<Created<EndpointView>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        CreateEndpointRequest request, CurrentUser current, AutoMlDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (RegistryNames.NameProblem(request.Name, "endpoint") is { } bad)
        {
            return ProblemResults.Validation("name", bad);
        }
        if (request.RegisteredModel is null)
        {
            return ProblemResults.Validation("registeredModel", "Name the registered model the endpoint serves (registeredModel).");
        }
        var alias = request.Alias ?? RegistryNames.Production;
        if (AliasProblem(alias, "alias") is { } a)
        {
            return a;
        }
        if (ChallengerProblem(request.Challenger, alias) is { } c)
        {
            return c;
        }
        if (request.Description is { Length: > 2000 })
        {
            return ProblemResults.Validation("description", "A description has at most 2,000 characters.");
        }
        var registered = await RegisteredModelEndpoints.FindAsync(db, current.Id, request.RegisteredModel, ct);
        if (registered is null)
        {
            return ProblemResults.NotFound($"No registered model named '{request.RegisteredModel}' exists in your account.");
        }
        var now = clock.GetUtcNow();
        var endpoint = new ServingEndpoint
        {
            Id = Guid.CreateVersion7(),
            UserId = current.Id,
            Name = request.Name!,
            Description = request.Description,
            RegisteredModelId = registered.Id,
            Alias = alias,
            ChallengerAlias = request.Challenger?.Alias,
            ChallengerPercent = request.Challenger is { Mode: ChallengerMode.Split } split ? split.Percent : 0,
            ChallengerMode = request.Challenger?.Mode ?? ChallengerMode.Split,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Endpoints.Add(endpoint);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ProblemResults.Conflict($"An endpoint named '{request.Name}' already exists in your account; pick another name or change that one.");
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            return ProblemResults.NotFound($"The registered model '{request.RegisteredModel}' was just deleted.");
        }
        return TypedResults.Created($"/api/v1/endpoints/{endpoint.Name}", (await ViewsAsync(db, [endpoint], ct))[0]);
    }

    private static async Task<Results<Ok<EndpointView>, ProblemHttpResult>> GetAsync(string name, CurrentUser current, AutoMlDbContext db, CancellationToken ct) =>
        await db.Endpoints.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == current.Id && e.Name == name, ct) is { } endpoint
            ? TypedResults.Ok((await ViewsAsync(db, [endpoint], ct))[0])
            : ProblemResults.NotFound(Missing(name));

    private static async Task<Results<Ok<EndpointView>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        string name, UpdateEndpointRequest request, CurrentUser current, AutoMlDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (request.Alias is { } alias && AliasProblem(alias, "alias") is { } a)
        {
            return a;
        }
        if (request.Description is { Length: > 2000 })
        {
            return ProblemResults.Validation("description", "A description has at most 2,000 characters.");
        }
        if (await db.Endpoints.SingleOrDefaultAsync(e => e.UserId == current.Id && e.Name == name, ct) is not { } endpoint)
        {
            return ProblemResults.NotFound(Missing(name));
        }
        var champion = request.Alias ?? endpoint.Alias;
        if (ChallengerProblem(request.Challenger, champion) is { } c)
        {
            return c;
        }
        if (request.Challenger is null && !request.RemoveChallenger && endpoint.ChallengerAlias == champion)
        {
            return ProblemResults.Validation("alias", "The endpoint's challenger is already that alias: remove or change the challenger in the same request.");
        }
        endpoint.Alias = champion;
        if (request.RemoveChallenger)
        {
            endpoint.ChallengerAlias = null;
            endpoint.ChallengerPercent = 0;
            endpoint.ChallengerMode = ChallengerMode.Split;
        }
        else if (request.Challenger is { } challenger)
        {
            endpoint.ChallengerAlias = challenger.Alias;
            endpoint.ChallengerMode = challenger.Mode;
            endpoint.ChallengerPercent = challenger.Mode == ChallengerMode.Split ? challenger.Percent : 0;
        }
        if (request.Description is not null)
        {
            endpoint.Description = request.Description.Length == 0 ? null : request.Description;
        }
        endpoint.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ViewsAsync(db, [endpoint], ct))[0]);
    }

    /// <summary>Its prediction logs go with their partitions' retention; its feedback goes now.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string name, CurrentUser current, AutoMlDbContext db, CancellationToken ct)
    {
        var deleted = await db.Endpoints.Where(e => e.UserId == current.Id && e.Name == name).ExecuteDeleteAsync(ct);
        return deleted == 0 ? ProblemResults.NotFound(Missing(name)) : TypedResults.NoContent();
    }

    private static ValidationProblem? AliasProblem(string alias, string field) =>
        alias == RegistryNames.Previous ? null : RegistryNames.AliasProblem(alias) is { } bad ? ProblemResults.Validation(field, bad) : null;

    private static ValidationProblem? ChallengerProblem(ChallengerSpec? challenger, string champion)
    {
        if (challenger is null)
        {
            return null;
        }
        if (challenger.Alias is null)
        {
            return ProblemResults.Validation("challenger.alias", "Name the challenger's alias (challenger.alias), for example staging.");
        }
        if (AliasProblem(challenger.Alias, "challenger.alias") is { } bad)
        {
            return bad;
        }
        if (challenger.Alias == champion)
        {
            return ProblemResults.Validation("challenger.alias", $"The challenger must be another alias than the one the endpoint serves ({champion}).");
        }
        if (challenger.Mode == ChallengerMode.Split && challenger.Percent is < 1 or > 99)
        {
            return ProblemResults.Validation("challenger.percent", "A split gives the challenger 1 to 99 percent of the requests (challenger.percent).");
        }
        return null;
    }

    public static async Task<List<EndpointView>> ViewsAsync(AutoMlDbContext db, IReadOnlyList<ServingEndpoint> endpoints, CancellationToken ct)
    {
        var registeredIds = endpoints.Select(e => e.RegisteredModelId).Distinct().ToList();
        var names = await db.RegisteredModels.AsNoTracking().Where(r => registeredIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var aliases = await db.ModelAliases.AsNoTracking().Where(a => registeredIds.Contains(a.RegisteredModelId)).ToListAsync(ct);
        return endpoints.Select(e =>
        {
            int? Holder(string alias) => aliases.SingleOrDefault(a => a.RegisteredModelId == e.RegisteredModelId && a.Alias == alias)?.Version;
            var serving = new Dictionary<string, int?> { [e.Alias] = Holder(e.Alias) };
            if (e.ChallengerAlias is { } challenger)
            {
                serving[challenger] = Holder(challenger);
            }
            return new EndpointView(e.Id, e.Name, e.Description, names.GetValueOrDefault(e.RegisteredModelId, ""), e.Alias,
                e.ChallengerAlias is null ? null : new ChallengerSpec(e.ChallengerAlias, e.ChallengerPercent, e.ChallengerMode),
                serving, e.CreatedAt, e.UpdatedAt);
        }).ToList();
    }
}
