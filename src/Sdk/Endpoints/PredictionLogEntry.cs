using System.Text.Json;

namespace AutoMl.Sdk;

/// <summary>One logged request of an endpoint: its rows, the answer, the version that gave it, and the truth once sent.</summary>
public sealed class PredictionLogEntry
{
    /// <summary>The request's id, as the prediction answered it.</summary>
    public Guid RequestId { get; init; }

    /// <summary>served (the answer the caller got) or shadow (a shadow challenger's); see <see cref="PredictionLogRoles"/>.</summary>
    public string Role { get; init; } = string.Empty;

    /// <summary>The version that answered.</summary>
    public int Version { get; init; }

    /// <summary>How many rows the request had.</summary>
    public int Rows { get; init; }

    /// <summary>The rows as sent.</summary>
    public JsonElement Inputs { get; init; }

    /// <summary>The predictions, one per row.</summary>
    public JsonElement Outputs { get; init; }

    /// <summary>How long the prediction took, in milliseconds.</summary>
    public double LatencyMs { get; init; }

    /// <summary>The share of the endpoint's requests being logged then: 1 under the tier's daily cap.</summary>
    public double SampleRate { get; init; }

    /// <summary>The true values sent with <see cref="EndpointsClient.SendFeedbackAsync"/>; null until then.</summary>
    public JsonElement? Actual { get; init; }

    /// <summary>When the request was answered.</summary>
    public DateTimeOffset At { get; init; }
}
