namespace AutoMl.Sdk;

/// <summary>A feature's own lines on the Jensen-Shannon distance (0 &lt; warn &lt; alert ≤ 1).</summary>
public sealed class DriftThreshold
{
    /// <summary>From this distance on, the feature's level is warn.</summary>
    public required double Warn { get; init; }

    /// <summary>From this distance on, the level is alert.</summary>
    public required double Alert { get; init; }
}
