namespace AutoMl.Sdk;

/// <summary>One version of a registered model: the trained model it is, its score and the aliases naming it.</summary>
public sealed class ModelVersion
{
    /// <summary>Its number, 1 for the first.</summary>
    public int Version { get; init; }

    /// <summary>The trained model this version is.</summary>
    public Guid ModelId { get; init; }

    /// <summary>The job that trained it.</summary>
    public Guid JobId { get; init; }

    /// <summary>The data set it was trained on.</summary>
    public Guid DatasetId { get; init; }

    /// <summary>binary, multiclass or regression.</summary>
    public string Task { get; init; } = string.Empty;

    /// <summary>The column it predicts.</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>The metric it was chosen by.</summary>
    public string Metric { get; init; } = string.Empty;

    /// <summary>Its validation score in <see cref="Metric"/>.</summary>
    public double Score { get; init; }

    /// <summary>All validation metrics by name.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The aliases naming this version now.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>job: a training job named the registered model; manual: added with <see cref="RegisteredModelsClient.AddVersionAsync"/>.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>What changed in this version, when given.</summary>
    public string? Description { get; init; }

    /// <summary>When it was added.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
