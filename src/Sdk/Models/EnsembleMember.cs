namespace AutoMl.Sdk;

/// <summary>One trial of the search that a model's prediction blends.</summary>
public sealed class EnsembleMember
{
    /// <summary>The trial's number in the job's leaderboard.</summary>
    public int Trial { get; init; }

    /// <summary>Its learning algorithm: lightgbm, fasttree, fastforest, linear or constant.</summary>
    public string Learner { get; init; } = string.Empty;

    /// <summary>Its share of the blended prediction; the members' weights add up to 1.</summary>
    public double Weight { get; init; }

    /// <summary>The trial's own cross-validated score in the model's metric.</summary>
    public double ValidationScore { get; init; }
}
