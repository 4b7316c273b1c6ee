namespace AutoMl.Infrastructure.Evaluations;

/// <summary>What <see cref="ModelEvaluation.MetricsJson"/> holds: the worker writes it, the API reads it back.</summary>
/// <param name="Metrics">Every metric of the model's task on the rows scored, named as the model's validation metrics are.</param>
/// <param name="SkippedRows">Rows left out: no target value, or a class the model was not trained on.</param>
/// <param name="UnseenLabels">Those classes, most frequent first (at most 20).</param>
/// <param name="Threshold">Binary: the decision threshold the labels were taken at (the model's saved one, else 0.5).</param>
public sealed record EvaluationMetrics(IReadOnlyDictionary<string, double> Metrics, long SkippedRows, IReadOnlyList<string> UnseenLabels, double? Threshold);
