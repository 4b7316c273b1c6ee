namespace AutoMl.Sdk;

/// <summary>An endpoint's served traffic over a window: requests, latency, and requests per version.</summary>
public sealed class EndpointStats
{
    /// <summary>Requests answered in the window (sampled logs count for the requests they stand for).</summary>
    public long Requests { get; init; }

    /// <summary>The median prediction latency in milliseconds; null without requests.</summary>
    public double? P50Ms { get; init; }

    /// <summary>The 95th percentile of the prediction latency in milliseconds; null without requests.</summary>
    public double? P95Ms { get; init; }

    /// <summary>Requests answered per version (the key is the version number).</summary>
    public IReadOnlyDictionary<string, long> Versions { get; init; } = new Dictionary<string, long>();

    /// <summary>Per hour with requests, oldest first.</summary>
    public IReadOnlyList<EndpointStatsHour> Hours { get; init; } = [];
}
