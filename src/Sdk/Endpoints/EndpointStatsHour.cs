namespace AutoMl.Sdk;

/// <summary>One hour of an endpoint's served traffic.</summary>
public sealed class EndpointStatsHour
{
    /// <summary>The hour's start, UTC.</summary>
    public DateTimeOffset Hour { get; init; }

    /// <summary>Requests answered in it.</summary>
    public long Requests { get; init; }

    /// <summary>The median prediction latency in milliseconds.</summary>
    public double P50Ms { get; init; }

    /// <summary>The 95th percentile of the prediction latency in milliseconds.</summary>
    public double P95Ms { get; init; }
}
