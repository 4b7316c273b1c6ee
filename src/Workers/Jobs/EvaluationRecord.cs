using AutoMl.Infrastructure.Evaluations;
using AutoMl.Infrastructure.Models;
using AutoMl.Ml.Evaluation;
using AutoMl.Ml.Metrics;

namespace AutoMl.Workers.Jobs;

/// <summary>An evaluation's result as its row stores it.</summary>
internal static class EvaluationRecord
{
    public static EvaluationMetrics Metrics(EvaluationResult result) => new(result.Metrics, result.SkippedRows, result.UnseenLabels, result.Threshold);

    public static ModelCurveSet Curves(ModelCurves curves) => ModelRecord.CurveSet(curves);
}
