namespace AutoMl.Sdk;

/// <summary>How much better the candidate is in the primary metric (positive: better, also for losses), with its paired bootstrap's 95% interval.</summary>
public sealed class WorkflowGain
{
    /// <summary>The gain on the held-out rows.</summary>
    public double Value { get; init; }

    /// <summary>The interval's lower end: above zero when the gain is sure.</summary>
    public double Lower { get; init; }

    /// <summary>The interval's upper end.</summary>
    public double Upper { get; init; }
}
