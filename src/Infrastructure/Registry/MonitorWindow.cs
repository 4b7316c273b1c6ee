namespace AutoMl.Infrastructure.Registry;

/// <summary>One evaluated monitoring window of an endpoint: how many rows it logged and, per feature, how far they moved.</summary>
public sealed class MonitorWindow
{
    public Guid Id { get; set; }
    public Guid EndpointId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }

    /// <summary>Rows (not requests) served in the window, counted from the log (sampled rows stand for themselves).</summary>
    public int Rows { get; set; }

    /// <summary>The version that served most rows; its baseline is the one compared with.</summary>
    public int? Version { get; set; }

    /// <summary>True when the window had too few rows (<c>DriftMath.MinimumRows</c>) to judge drift.</summary>
    public bool Skipped { get; set; }

    /// <summary>A JSON array of FeatureWindow: per feature, counts per bin, skew, drift and level.</summary>
    public required string FeaturesJson { get; set; }
}

/// <summary>Something an endpoint's monitor found that a person should look at: drift, a data-quality break.</summary>
public sealed class EndpointAlert
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid EndpointId { get; set; }

    /// <summary>drift (skew or drift past the alert line two windows in a row) or data_quality (at once).</summary>
    public required string Kind { get; set; }

    public required string Feature { get; set; }
    public required string Message { get; set; }

    /// <summary>The window it was found in: one alert per endpoint, window, kind and feature.</summary>
    public DateTimeOffset WindowStart { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
