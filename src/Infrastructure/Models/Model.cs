namespace AutoMl.Infrastructure.Models;

public sealed class Model
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid JobId { get; set; }

    /// <summary>Not a foreign key: a model keeps working after its data set is deleted.</summary>
    public Guid DatasetId { get; set; }

    public required string Task { get; set; }
    public required string Target { get; set; }
    public required string Metric { get; set; }
    public double Score { get; set; }
    public required string MetricsJson { get; set; }
    public required string ClassesJson { get; set; }
    public required string ImportanceJson { get; set; }
    public required string CurvesJson { get; set; }
    public required string LeaderboardJson { get; set; }
    public required string InputColumnsJson { get; set; }

    /// <summary>Per input feature, its distribution in the training rows (a JSON array of FeatureBaseline): what endpoint monitoring compares with.</summary>
    public string? BaselineJson { get; set; }
    /// <summary>Binary models: the probability of the positive class from which it is the predicted label; null is the
    /// default 0.5. The bundle never changes, so every prediction path relabels with it.</summary>
    public double? DecisionThreshold { get; set; }

    /// <summary>How <see cref="DecisionThreshold"/> was chosen (a JSON ModelThresholdChoice); null with it.</summary>
    public string? ThresholdChoiceJson { get; set; }

    public required string BundleKey { get; set; }
    public long BundleBytes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
