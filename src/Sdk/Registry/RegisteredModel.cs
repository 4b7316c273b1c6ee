namespace AutoMl.Sdk;

/// <summary>A named line of models: numbered versions, and aliases (production, staging…) that name one version each.</summary>
public sealed class RegisteredModel
{
    /// <summary>The registered model's id.</summary>
    public Guid Id { get; init; }

    /// <summary>Its name, unique in the account; the API and the endpoints address it by this name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>What it is for, when given.</summary>
    public string? Description { get; init; }

    /// <summary>Its tags, lower-case.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>binary, multiclass or regression; null until the first version sets it.</summary>
    public string? Task { get; init; }

    /// <summary>The column its versions predict; null until the first version sets it.</summary>
    public string? Target { get; init; }

    /// <summary>The number of its newest version; 0 before the first.</summary>
    public int LatestVersion { get; init; }

    /// <summary>Each alias and the version it names.</summary>
    public IReadOnlyDictionary<string, int> Aliases { get; init; } = new Dictionary<string, int>();

    /// <summary>The columns its versions read (set by the first version): the rows to send its endpoints.</summary>
    public IReadOnlyList<InputColumn>? InputColumns { get; init; }

    /// <summary>The names of the endpoints serving it.</summary>
    public IReadOnlyList<string> Endpoints { get; init; } = [];

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its description or tags last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
