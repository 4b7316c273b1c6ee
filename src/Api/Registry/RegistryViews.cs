using System.Text.Json;
using AutoMl.Infrastructure.Models;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Registry;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Registry;

/// <summary>The views of registered models and versions: every one shows its aliases (a list included).</summary>
internal static class RegistryViews
{
    public static async Task<List<RegisteredModelView>> RegisteredAsync(AutoMlDbContext db, IReadOnlyList<RegisteredModel> models, CancellationToken ct)
    {
        var ids = models.Select(m => m.Id).ToList();
        var aliases = await db.ModelAliases.AsNoTracking().Where(a => ids.Contains(a.RegisteredModelId)).ToListAsync(ct);
        var endpoints = await db.Endpoints.AsNoTracking().Where(e => ids.Contains(e.RegisteredModelId)).Select(e => new { e.RegisteredModelId, e.Name }).ToListAsync(ct);
        return models.Select(m => new RegisteredModelView(m.Id, m.Name, m.Description, m.Tags, m.Task, m.Target, m.LatestVersion,
            aliases.Where(a => a.RegisteredModelId == m.Id).OrderBy(a => a.Alias, StringComparer.Ordinal).ToDictionary(a => a.Alias, a => a.Version),
            m.InputColumnsJson is { } json ? Read<List<ModelInputColumn>>(json) : null,
            endpoints.Where(e => e.RegisteredModelId == m.Id).Select(e => e.Name).Order(StringComparer.Ordinal).ToList(),
            m.CreatedAt, m.UpdatedAt)).ToList();
    }

    public static async Task<List<ModelVersionView>> VersionsAsync(AutoMlDbContext db, Guid registeredId, IReadOnlyList<ModelVersion> versions, CancellationToken ct)
    {
        var modelIds = versions.Select(v => v.ModelId).ToList();
        var models = await db.Models.AsNoTracking().Where(m => modelIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var aliases = await db.ModelAliases.AsNoTracking().Where(a => a.RegisteredModelId == registeredId).ToListAsync(ct);
        return versions.Select(v =>
        {
            var m = models[v.ModelId];
            return new ModelVersionView(v.Version, m.Id, m.JobId, m.DatasetId, m.Task, m.Target, m.Metric, m.Score, Read<Dictionary<string, double>>(m.MetricsJson),
                aliases.Where(a => a.Version == v.Version).Select(a => a.Alias).Order(StringComparer.Ordinal).ToList(), v.Source, v.Description, v.CreatedAt);
        }).ToList();
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web)!;
}
