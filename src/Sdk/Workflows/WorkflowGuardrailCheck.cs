namespace AutoMl.Sdk;

/// <summary>A guardrail metric on a run's held-out rows.</summary>
public sealed class WorkflowGuardrailCheck
{
    /// <summary>The metric.</summary>
    public string Metric { get; init; } = string.Empty;

    /// <summary>The candidate's value.</summary>
    public double Candidate { get; init; }

    /// <summary>The champion's value.</summary>
    public double Champion { get; init; }

    /// <summary>How much worse the candidate is; negative when it is better.</summary>
    public double Drop { get; init; }

    /// <summary>How much worse it may be.</summary>
    public double Tolerance { get; init; }

    /// <summary>True when the drop is within the tolerance.</summary>
    public bool Holds { get; init; }
}
