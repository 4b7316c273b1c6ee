namespace AutoMl.Sdk;

/// <summary>What to change about an endpoint's monitoring; a property left null stays as it is.</summary>
public sealed class EndpointMonitoringUpdate
{
    /// <summary>How many hours a window lasts, 1 to 168; windows of the new length start after the last one judged.</summary>
    public int? WindowHours { get; init; }

    /// <summary>
    /// Every feature's own lines: this replaces the whole set, so include the features that keep theirs. An empty
    /// dictionary puts every feature back on the defaults.
    /// </summary>
    public IReadOnlyDictionary<string, DriftThreshold>? Thresholds { get; init; }
}
