namespace AutoMl.Sdk;

/// <summary>A model's scores on a run's held-out rows.</summary>
public sealed class WorkflowScores
{
    /// <summary>The registered model's version; the champion's, null for the candidate.</summary>
    public int? Version { get; init; }

    /// <summary>Its score in the primary metric.</summary>
    public double Score { get; init; }

    /// <summary>All its metrics by name.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
}
