namespace AutoMl.Sdk;

/// <summary>
/// A stable name to predict through, bound to an alias of a registered model: moving the alias changes what answers,
/// without touching the callers. (Not named Endpoint, which ASP.NET Core apps already import.)
/// </summary>
public sealed class ServingEndpoint
{
    /// <summary>The endpoint's id.</summary>
    public Guid Id { get; init; }

    /// <summary>Its name, unique in the account.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>What it is for, when given.</summary>
    public string? Description { get; init; }

    /// <summary>The registered model it serves.</summary>
    public string RegisteredModel { get; init; } = string.Empty;

    /// <summary>The alias it resolves on every request, e.g. production.</summary>
    public string Alias { get; init; } = string.Empty;

    /// <summary>A second alias answering a share of requests or scoring them unseen; null when there is none.</summary>
    public Challenger? Challenger { get; init; }

    /// <summary>What its aliases name now: alias → version, null when the alias names no version.</summary>
    public IReadOnlyDictionary<string, int?> Serving { get; init; } = new Dictionary<string, int?>();

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
