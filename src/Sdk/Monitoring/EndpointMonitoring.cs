namespace AutoMl.Sdk;

/// <summary>
/// What an endpoint's monitor knows: the serving version's training baseline per feature, the lines a feature is
/// judged against, and the latest windows of logged requests, each feature's distance from training and from the window before.
/// </summary>
public sealed class EndpointMonitoring
{
    /// <summary>The version whose baselines are shown: the one the endpoint's alias names now; null when it names none.</summary>
    public int? Version { get; init; }

    /// <summary>How many hours one window lasts, 1 to 168.</summary>
    public int WindowHours { get; init; }

    /// <summary>The default warning line of the Jensen-Shannon distance, for a feature without its own in <see cref="Thresholds"/>.</summary>
    public double Warn { get; init; }

    /// <summary>The default alert line, for a feature without its own in <see cref="Thresholds"/>.</summary>
    public double Alert { get; init; }

    /// <summary>The features that have their own lines: feature → lines.</summary>
    public IReadOnlyDictionary<string, DriftThreshold> Thresholds { get; init; } = new Dictionary<string, DriftThreshold>();

    /// <summary>Per feature the model reads, its training distribution; empty when the alias names no version.</summary>
    public IReadOnlyList<FeatureBaseline> Baselines { get; init; } = [];

    /// <summary>The latest windows, oldest first; a window appears once it has closed and the monitor has judged it.</summary>
    public IReadOnlyList<MonitoringWindow> Windows { get; init; } = [];
}
