namespace AutoMl.Infrastructure.Registry;

/// <summary>A movable name for one version (production, staging, previous, ...). Endpoints resolve it per request.</summary>
public sealed class ModelAlias
{
    public Guid RegisteredModelId { get; set; }
    public required string Alias { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One move of an alias, append-only: written in the transaction that moves it, never updated or deleted while its
/// registered model exists. A null version is the alias not existing (before its first move, after its removal).
/// </summary>
public sealed class AliasMove
{
    public long Id { get; set; }
    public Guid RegisteredModelId { get; set; }
    public required string Alias { get; set; }
    public int? FromVersion { get; set; }
    public int? ToVersion { get; set; }

    /// <summary>Who moved it: the user's email and how they signed in (the session, an API key by its prefix, or a job).</summary>
    public required string Actor { get; set; }

    public required string Reason { get; set; }
    public DateTimeOffset At { get; set; }
}
