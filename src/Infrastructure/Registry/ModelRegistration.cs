using System.Text.Json;
using AutoMl.Domain.Registry;
using AutoMl.Infrastructure.Models;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Registry;

/// <summary>The one way a model becomes a version: by a client's request or by the training job that named the registered model.</summary>
public static class ModelRegistration
{
    public abstract record Outcome
    {
        public sealed record Added(ModelVersion Version) : Outcome;

        public sealed record Unfit(IReadOnlyList<string> Differences) : Outcome;

        public sealed record AlreadyRegistered(int Version) : Outcome;
    }

    /// <summary>
    /// Adds <paramref name="model"/> as the next version of <paramref name="registeredModelId"/>, inside the caller's
    /// transaction: the registered model's row is locked, so two registrations at once get consecutive numbers.
    /// </summary>
    public static async Task<Outcome> AddAsync(AutoMlDbContext db, Guid registeredModelId, Model model, string source, string? description, DateTimeOffset now, CancellationToken ct)
    {
        var registered = await db.RegisteredModels.FromSql($"SELECT * FROM registered_models WHERE id = {registeredModelId} FOR UPDATE").SingleAsync(ct);
        if (await db.ModelVersions.Where(v => v.RegisteredModelId == registered.Id && v.ModelId == model.Id).Select(v => (int?)v.Version).FirstOrDefaultAsync(ct) is { } existing)
        {
            return new Outcome.AlreadyRegistered(existing);
        }
        var columns = Columns(model.InputColumnsJson);
        var differences = SchemaFit.Differences(registered.Task, registered.Target, registered.InputColumnsJson is { } json ? Columns(json) : null,
            model.Task, model.Target, columns);
        if (differences.Count > 0)
        {
            return new Outcome.Unfit(differences);
        }
        registered.Task ??= model.Task;
        registered.Target ??= model.Target;
        registered.InputColumnsJson ??= model.InputColumnsJson;
        registered.LatestVersion++;
        registered.UpdatedAt = now;
        var version = new ModelVersion
        {
            RegisteredModelId = registered.Id,
            Version = registered.LatestVersion,
            ModelId = model.Id,
            Description = description,
            Source = source,
            CreatedAt = now,
        };
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return new Outcome.Added(version);
    }

    public static IReadOnlyList<SchemaColumn> Columns(string inputColumnsJson) =>
        JsonSerializer.Deserialize<List<ModelInputColumn>>(inputColumnsJson, JsonSerializerOptions.Web)!.Select(c => new SchemaColumn(c.Name, c.Kind)).ToList();

    /// <summary>The differences as one sentence for a 422 or a job's note.</summary>
    public static string Describe(IReadOnlyList<string> differences, string registeredName) =>
        $"This model does not fit the registered model {registeredName}: {string.Join("; ", differences)}.";
}
