namespace AutoMl.Sdk;

/// <summary>One feature in one monitoring window: how far its values are from training and from the window before.</summary>
public sealed class WindowFeature
{
    /// <summary>The feature (column) name.</summary>
    public string Feature { get; init; } = string.Empty;

    /// <summary>The window's rows per bin of the feature's <see cref="FeatureBaseline.Bins"/>.</summary>
    public IReadOnlyList<double> Counts { get; init; } = [];

    /// <summary>Jensen-Shannon distance (base 2, 0 to 1) from the training baseline; null when the window was not judged.</summary>
    public double? Skew { get; init; }

    /// <summary>Jensen-Shannon distance from the previous judged window; null when there was none.</summary>
    public double? Drift { get; init; }

    /// <summary>ok, warn, alert (the worse of skew and drift against the feature's lines) or skipped; see <see cref="MonitoringLevels"/>.</summary>
    public string Level { get; init; } = string.Empty;

    /// <summary>The share of rows without a value for the feature.</summary>
    public double MissingShare { get; init; }

    /// <summary>The share of rows whose value was of the wrong type (text for a number).</summary>
    public double TypeErrorShare { get; init; }
}
