using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Registry;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Serving;

/// <summary>An alias as one request saw it: the version it named and that version's model (with the model's decision threshold).</summary>
internal sealed record ResolvedAlias(string Alias, int Version, Guid ModelId, string BundleKey, double? Threshold);

/// <summary>An endpoint with its aliases resolved at one moment (one query, so both are read from one snapshot).</summary>
internal sealed record ResolvedEndpoint(ServingEndpoint Endpoint, string RegisteredModel, Tier Tier, ResolvedAlias? Champion, ResolvedAlias? Challenger, string? InputColumnsJson);

/// <summary>
/// Resolves an endpoint's aliases on every request, from Postgres: an alias moved on any instance serves from the next
/// request on, with nothing cached to go stale.
/// </summary>
internal static class EndpointResolver
{
    public static async Task<ResolvedEndpoint?> ResolveAsync(AutoMlDbContext db, Guid userId, string name, CancellationToken ct)
    {
        var found = await (
            from row in db.Endpoints.AsNoTracking()
            where row.UserId == userId && row.Name == name
            join r in db.RegisteredModels on row.RegisteredModelId equals r.Id
            join u in db.Users on row.UserId equals u.Id
            select new { Endpoint = row, Registered = r.Name, u.Tier, r.InputColumnsJson }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        var e = found.Endpoint;
        var aliases = await (
            from a in db.ModelAliases.AsNoTracking()
            where a.RegisteredModelId == e.RegisteredModelId && (a.Alias == e.Alias || a.Alias == e.ChallengerAlias)
            join v in db.ModelVersions on new { a.RegisteredModelId, a.Version } equals new { v.RegisteredModelId, v.Version }
            join m in db.Models on v.ModelId equals m.Id
            select new ResolvedAlias(a.Alias, a.Version, m.Id, m.BundleKey, m.DecisionThreshold)).ToListAsync(ct);
        return new ResolvedEndpoint(e, found.Registered, found.Tier,
            aliases.SingleOrDefault(a => a.Alias == e.Alias),
            e.ChallengerAlias is null ? null : aliases.SingleOrDefault(a => a.Alias == e.ChallengerAlias), found.InputColumnsJson);
    }
}
