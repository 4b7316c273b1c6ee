using AutoMl.Infrastructure.Models;

namespace AutoMl.Api.Registry;

/// <param name="Name">Unique in your account: lower-case letters, digits and dashes, starting with a letter. Never changes.</param>
/// <param name="Task">binary, multiclass or regression; when left out, the first version sets it.</param>
/// <param name="Target">The column its versions predict; when left out, the first version sets it.</param>
public sealed record CreateRegisteredModelRequest(string? Name, string? Description = null, IReadOnlyList<string>? Tags = null, string? Task = null, string? Target = null);

/// <summary>What may change about a registered model; a field left out stays as it is.</summary>
public sealed record UpdateRegisteredModelRequest(string? Description = null, IReadOnlyList<string>? Tags = null);

/// <param name="LatestVersion">The number of its newest version; 0 before the first.</param>
/// <param name="Aliases">Each alias and the version it names (production, staging, previous, ...).</param>
/// <param name="InputColumns">The columns its versions read (set by the first version): the rows clients send.</param>
/// <param name="Endpoints">The names of the endpoints serving it.</param>
public sealed record RegisteredModelView(
    Guid Id,
    string Name,
    string? Description,
    IReadOnlyList<string> Tags,
    string? Task,
    string? Target,
    int LatestVersion,
    IReadOnlyDictionary<string, int> Aliases,
    IReadOnlyList<ModelInputColumn>? InputColumns,
    IReadOnlyList<string> Endpoints,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <param name="ModelId">The trained model in your account to add as the next version.</param>
public sealed record AddVersionRequest(Guid? ModelId, string? Description = null);

/// <param name="Version">Its number, 1 for the first.</param>
/// <param name="Source">job: a training job named this registered model; manual: added by a request.</param>
/// <param name="Aliases">The aliases naming this version now.</param>
/// <param name="Score">The model's validation score on its metric.</param>
public sealed record ModelVersionView(
    int Version,
    Guid ModelId,
    Guid JobId,
    Guid DatasetId,
    string Task,
    string Target,
    string Metric,
    double Score,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<string> Aliases,
    string Source,
    string? Description,
    DateTimeOffset CreatedAt);

/// <param name="Version">The version the alias is to name.</param>
/// <param name="Reason">Why, as the history shows it (required: a move without a reason helps nobody later).</param>
public sealed record MoveAliasRequest(int? Version, string? Reason);

public sealed record AliasView(string Alias, int Version, DateTimeOffset UpdatedAt);

/// <param name="FromVersion">What the alias named before the move; null when it did not exist.</param>
/// <param name="ToVersion">What it names after; null when the move removed it.</param>
/// <param name="Actor">Who moved it: the account's email and the session, an API key (by its prefix) or a job.</param>
public sealed record AliasMoveView(long Id, string Alias, int? FromVersion, int? ToVersion, string Actor, string Reason, DateTimeOffset At);
