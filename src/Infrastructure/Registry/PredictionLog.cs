namespace AutoMl.Infrastructure.Registry;

/// <summary>
/// One endpoint request as it was answered (role "served") or as the shadow challenger scored it ("shadow"). Kept
/// outside the hot tables: <c>prediction_logs</c> is partitioned by month (PredictionLogPartitions), so retention drops
/// whole partitions and a day's monitoring window reads one.
/// </summary>
public sealed class PredictionLog
{
    public DateTimeOffset At { get; set; }
    public Guid RequestId { get; set; }
    public required string Role { get; set; }
    public Guid EndpointId { get; set; }
    public Guid UserId { get; set; }
    public int Version { get; set; }
    public Guid ModelId { get; set; }
    public int Rows { get; set; }

    /// <summary>The rows as the client sent them (a JSON array of objects).</summary>
    public required string InputsJson { get; set; }

    /// <summary>The predictions as answered (a JSON array, one per row).</summary>
    public required string OutputsJson { get; set; }

    public double LatencyMs { get; set; }

    /// <summary>The share of this endpoint's requests logged when this one was: 1 under the tier's daily cap, less past it.</summary>
    public double SampleRate { get; set; }

    public const string Served = "served";
    public const string Shadow = "shadow";
}

/// <summary>The ground truth a client sent later for a request: one actual value per row of it.</summary>
public sealed class PredictionFeedback
{
    public Guid RequestId { get; set; }
    public Guid EndpointId { get; set; }
    public Guid UserId { get; set; }
    public required string ActualJson { get; set; }
    public DateTimeOffset At { get; set; }
}
