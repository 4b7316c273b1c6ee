namespace AutoMl.Sdk;

/// <summary>A model's scores on a run's held-out rows.</summary>
public sealed class WorkflowScores
{
    /// <summary>The registered model's version; the champion's, null for the candidate.</summary>
    public int? Version { get; init; }

    /// <summary>The trained model; the champion's, null for the candidate.</summary>
    public Guid? ModelId { get; init; }

    /// <summary>Its score in the primary metric; null when it could not be scored on the held-out rows.</summary>
    public double? Score { get; init; }

    /// <summary>All its metrics by name; null or empty when it could not be scored.</summary>
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }
}
