using AutoMl.Api.Models;
using AutoMl.Infrastructure.Models;

namespace AutoMl.Api.Evaluations;

/// <summary>
/// An evaluation's metrics beside the model's validation ones. A binary model with a chosen threshold labels its rows
/// there, so the label metrics (accuracy, F1, precision, recall) of validation are read at that threshold too, from the
/// stored validation counts; the stored validation metrics are at 0.5.
/// </summary>
internal static class EvaluationComparison
{
    public static List<EvaluationMetricRow> Rows(Model model, IReadOnlyDictionary<string, double> evaluation)
    {
        var validation = new Dictionary<string, double>(ModelViews.Read<Dictionary<string, double>>(model.MetricsJson), StringComparer.OrdinalIgnoreCase);
        if (model.DecisionThreshold is not null && ModelThresholds.View(model, ModelViews.Read<ModelCurveSet>(model.CurvesJson)) is { } at)
        {
            Replace(validation, "accuracy", at.Accuracy);
            Replace(validation, "f1", at.F1);
            Replace(validation, "precision", at.Precision);
            Replace(validation, "recall", at.Recall);
        }
        return evaluation.Select(m =>
        {
            double? before = validation.TryGetValue(m.Key, out var v) ? v : null;
            return new EvaluationMetricRow(m.Key, before, m.Value, m.Value - before, MetricDirection.HigherIsBetter(m.Key));
        }).ToList();
    }

    private static void Replace(Dictionary<string, double> metrics, string name, double? value)
    {
        if (value is { } v && metrics.ContainsKey(name))
        {
            metrics[name] = v;
        }
    }
}
