namespace AutoMl.Infrastructure.Evaluations;

/// <summary>
/// A model scored on a labelled data set of its owner's, by an <c>Evaluate</c> job: written queued with the job and
/// finished in the job's ending transaction (<see cref="Jobs.JobSettlement"/>), so it never says more than the job does.
/// </summary>
public sealed class ModelEvaluation : Persistence.IKeysetRow
{
    public Guid Id { get; set; }

    /// <summary>Deleting the model deletes its evaluations: they are read under the model's address.</summary>
    public Guid ModelId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>Not a foreign key: an evaluation stays readable after its data set is deleted.</summary>
    public Guid DatasetId { get; set; }

    public Guid JobId { get; set; }

    /// <summary>queued, succeeded, failed or cancelled (while its job runs the API says running).</summary>
    public required string Status { get; set; }

    /// <summary>The rows scored: those with a target value the model knows.</summary>
    public long? Rows { get; set; }

    /// <summary>The evaluation's numbers (an EvaluationMetrics JSON: metrics, skipped rows, unseen labels, threshold).</summary>
    public string? MetricsJson { get; set; }

    /// <summary>The curves, in the model's validation curves' shape (ModelCurveSet JSON).</summary>
    public string? CurvesJson { get; set; }

    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
