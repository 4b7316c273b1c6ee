namespace AutoMl.Sdk;

/// <summary>One closed window of an endpoint's served requests, as the monitor judged it.</summary>
public sealed class MonitoringWindow
{
    /// <summary>When the window started, UTC.</summary>
    public DateTimeOffset Start { get; init; }

    /// <summary>When it ended (exclusive).</summary>
    public DateTimeOffset End { get; init; }

    /// <summary>The logged rows in it.</summary>
    public int Rows { get; init; }

    /// <summary>The version that answered most of them; null without rows.</summary>
    public int? Version { get; init; }

    /// <summary>True when the window had under 500 rows: counted, not judged (no distances, level skipped).</summary>
    public bool Skipped { get; init; }

    /// <summary>Per feature: its counts, distances and level.</summary>
    public IReadOnlyList<WindowFeature> Features { get; init; } = [];
}
