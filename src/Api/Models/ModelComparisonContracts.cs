using AutoMl.Infrastructure.Models;

namespace AutoMl.Api.Models;

/// <param name="Models">In the order the ids were asked for.</param>
/// <param name="Metrics">One row per validation metric any of the models has, with the best model marked.</param>
/// <param name="Warnings">Why the comparison may not be fair: the models differ in task, target or data set.</param>
public sealed record ModelComparison(IReadOnlyList<ComparedModel> Models, IReadOnlyList<MetricComparison> Metrics, IReadOnlyList<string> Warnings);

/// <param name="Summary">The model as the list shows it.</param>
/// <param name="Metrics">The validation metrics, as on the model itself.</param>
/// <param name="Curves">Its validation curves.</param>
public sealed record ComparedModel(ModelSummary Summary, IReadOnlyDictionary<string, double> Metrics, ComparedCurves Curves);

/// <summary>The curves that can be overlaid: ROC and precision-recall for classification, residuals and predicted-vs-actual for regression; null when the task has none.</summary>
public sealed record ComparedCurves(IReadOnlyList<ModelCurvePoint>? Roc, IReadOnlyList<ModelCurvePoint>? Pr, IReadOnlyList<ModelCurvePoint>? Residuals, IReadOnlyList<ModelCurvePoint>? PredictedVsActual);

/// <param name="Metric">The metric's name, as in each model's metrics.</param>
/// <param name="HigherIsBetter">False for a loss (rmse, mae, logLoss).</param>
/// <param name="Values">One per model, in the order of <see cref="ModelComparison.Models"/>; null where a model lacks the metric.</param>
/// <param name="Best">The index of the best value (the first of a tie), null when no model has the metric.</param>
public sealed record MetricComparison(string Metric, bool HigherIsBetter, IReadOnlyList<double?> Values, int? Best);
