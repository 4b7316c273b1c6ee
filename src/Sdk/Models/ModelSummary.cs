namespace AutoMl.Sdk;

/// <summary>A model as the list shows it: what it predicts, how well, and from which data set.</summary>
public sealed class ModelSummary
{
    /// <summary>The model's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The job that trained it.</summary>
    public Guid JobId { get; init; }

    /// <summary>The data set it was trained on.</summary>
    public Guid DatasetId { get; init; }

    /// <summary>The data set's name; null once the data set is deleted (the model keeps working).</summary>
    public string? DatasetName { get; init; }

    /// <summary>binary, multiclass or regression.</summary>
    public string Task { get; init; } = string.Empty;

    /// <summary>The column it predicts.</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>The metric it was chosen by; see <see cref="Metrics.HigherIsBetter"/> for its direction.</summary>
    public string Metric { get; init; } = string.Empty;

    /// <summary>Its validation score in <see cref="Metric"/>.</summary>
    public double Score { get; init; }

    /// <summary>The size of the downloadable bundle.</summary>
    public long BundleBytes { get; init; }

    /// <summary>When it was trained.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
