using System.Text.Json.Serialization;
using AutoMl.Sdk.Http;

namespace AutoMl.Sdk;

/// <summary>The rows a run compared the models on: the newest by a time column, or a stratified sample neither model trained on.</summary>
public sealed class WorkflowHoldout
{
    /// <summary>How they were chosen, e.g. time or stratified.</summary>
    public string Method { get; init; } = string.Empty;

    /// <summary>How many rows were held out.</summary>
    public long Rows { get; init; }

    /// <summary>How many rows the candidate trained on.</summary>
    public long TrainRows { get; init; }

    /// <summary>How many held-out rows both models could be scored on (a target value both know).</summary>
    public long ScoredRows { get; init; }

    /// <summary>The time column, for a time holdout.</summary>
    public string? Column { get; init; }

    /// <summary>The time column's value the held-out rows start from, as text; null for other holdouts.</summary>
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? From { get; init; }

    /// <summary>The choice in a sentence.</summary>
    public string? Description { get; init; }
}
