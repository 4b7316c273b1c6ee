namespace AutoMl.Sdk;

/// <summary>A run's comparison of its candidate with the version holding production, on rows neither trained on.</summary>
public sealed class WorkflowReport
{
    /// <summary>How the held-out rows were chosen.</summary>
    public WorkflowHoldout? Holdout { get; init; }

    /// <summary>The primary metric.</summary>
    public string? Metric { get; init; }

    /// <summary>The candidate's scores on the held-out rows.</summary>
    public WorkflowScores? Candidate { get; init; }

    /// <summary>The champion's scores on the same rows; null when no version held production.</summary>
    public WorkflowScores? Champion { get; init; }

    /// <summary>The primary metric's gain with its bootstrap interval; null without a champion.</summary>
    public WorkflowGain? Gain { get; init; }

    /// <summary>The least gain that counts as better.</summary>
    public double? Margin { get; init; }

    /// <summary>Each guardrail metric on the held-out rows.</summary>
    public IReadOnlyList<WorkflowGuardrailCheck> Guardrails { get; init; } = [];

    /// <summary>Why the models could not be compared (the task changed, too few rows…); empty when they could.</summary>
    public IReadOnlyList<string> SchemaProblems { get; init; } = [];

    /// <summary>Whether the candidate is better: it gains at least the margin, surely, and every guardrail holds.</summary>
    public bool Better { get; init; }

    /// <summary>The sentences that say why.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
}
