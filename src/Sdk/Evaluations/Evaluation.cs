namespace AutoMl.Sdk;

/// <summary>A model scored on a labelled data set of yours: the validation's metrics and curves, on your rows.</summary>
public sealed class Evaluation
{
    /// <summary>The evaluation's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The model evaluated.</summary>
    public Guid ModelId { get; init; }

    /// <summary>The data set it was evaluated on.</summary>
    public Guid DatasetId { get; init; }

    /// <summary>The data set's name; null once it was deleted (the evaluation stays readable).</summary>
    public string? DatasetName { get; init; }

    /// <summary>The priced job that runs it.</summary>
    public Guid JobId { get; init; }

    /// <summary>queued, running, succeeded, failed or cancelled (<see cref="JobStatuses"/>).</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>0..1 while it runs.</summary>
    public double Progress { get; init; }

    /// <summary>The rows scored: those with a target value the model can be judged on.</summary>
    public long? Rows { get; init; }

    /// <summary>Rows left out: no target value, or a class the model was not trained on.</summary>
    public long? SkippedRows { get; init; }

    /// <summary>Those classes, the most frequent first (at most 20).</summary>
    public IReadOnlyList<string>? UnseenLabels { get; init; }

    /// <summary>Binary: the decision threshold the labels were taken at (the model's saved one, else 0.5).</summary>
    public double? Threshold { get; init; }

    /// <summary>Every metric of the model's task on your rows, by name.</summary>
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }

    /// <summary>Each metric beside the model's validation value.</summary>
    public IReadOnlyList<EvaluationMetric>? Comparison { get; init; }

    /// <summary>The curves on your rows; null in lists (get the evaluation for them).</summary>
    public ModelCurves? Curves { get; init; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; init; }

    /// <summary>Credits its job held.</summary>
    public long HeldCredits { get; init; }

    /// <summary>Credits it was charged (0 until it succeeded, and when it failed).</summary>
    public long ChargedCredits { get; init; }

    /// <summary>When it was asked for.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>True once it succeeded, failed or was cancelled.</summary>
    public bool IsFinished => Status is JobStatuses.Succeeded or JobStatuses.Failed or JobStatuses.Cancelled;
}

/// <summary>One metric on the model's validation rows and on yours.</summary>
public sealed class EvaluationMetric
{
    /// <summary>The metric's name (auc, logLoss, rmse…).</summary>
    public string Metric { get; init; } = string.Empty;

    /// <summary>The model's validation value; null when validation has none.</summary>
    public double? Validation { get; init; }

    /// <summary>The value on your data.</summary>
    public double Evaluation { get; init; }

    /// <summary>Your data's value minus validation's.</summary>
    public double? Difference { get; init; }

    /// <summary>False for a loss (rmse, mae, logLoss): there a negative difference is the better side.</summary>
    public bool HigherIsBetter { get; init; }
}

/// <summary>What an evaluation on a data set would hold from your credits.</summary>
public sealed class EvaluationQuote
{
    /// <summary>The price, per 1,000 rows as a batch prediction.</summary>
    public long Credits { get; init; }

    /// <summary>The data set's rows.</summary>
    public long Rows { get; init; }

    /// <summary>Your credits free to hold now.</summary>
    public long Available { get; init; }

    /// <summary>The model's columns (its target first) the data set lacks; empty when it can be evaluated on.</summary>
    public IReadOnlyList<string> MissingColumns { get; init; } = [];

    /// <summary>Why it cannot be evaluated on (what <see cref="ModelsClient.EvaluateAsync"/> would refuse with); null when it can.</summary>
    public string? Problem { get; init; }
}
