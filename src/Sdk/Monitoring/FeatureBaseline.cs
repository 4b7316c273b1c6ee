namespace AutoMl.Sdk;

/// <summary>One feature's training distribution, on bins fixed when the model was trained.</summary>
public sealed class FeatureBaseline
{
    /// <summary>The feature (column) name.</summary>
    public string Feature { get; init; } = string.Empty;

    /// <summary>How the model reads the column, e.g. numeric or categorical.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>The bins' names: missing, under/overflow and deciles for a number; the top categories and other for a category.</summary>
    public IReadOnlyList<string> Bins { get; init; } = [];

    /// <summary>The training rows' share per bin, in the order of <see cref="Bins"/>.</summary>
    public IReadOnlyList<double> Shares { get; init; } = [];
}
