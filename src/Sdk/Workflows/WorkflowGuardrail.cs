namespace AutoMl.Sdk;

/// <summary>A metric a candidate may not get worse on by more than <see cref="Tolerance"/>, however much it gains on the primary one.</summary>
public sealed class WorkflowGuardrail
{
    /// <summary>A metric of the task: auc, logloss, accuracy, f1, precision, recall, macrof1, rmse, mae or r2.</summary>
    public required string Metric { get; init; }

    /// <summary>How much worse the candidate may be on it, in the metric's units (0 or more).</summary>
    public double Tolerance { get; init; }
}
