using AutoMl.Ml.Bundle;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Features;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Schema;
using AutoMl.Ml.Training;

namespace AutoMl.Ml.Evaluation;

/// <summary>A model scored on its owner's labelled rows: the validation's metrics and curves, on those rows.</summary>
/// <param name="Rows">The rows scored: a target value the model can be judged on.</param>
/// <param name="SkippedRows">Rows left out: no target value, or (classifiers) a label the model never saw in training.</param>
/// <param name="UnseenLabels">Those labels, the most frequent first (at most <see cref="OwnDataEvaluation.MaxUnseenLabels"/>).</param>
/// <param name="Threshold">Binary: the decision threshold the labels (accuracy, F1, precision, recall, confusion) were taken at.</param>
public sealed record EvaluationResult(
    int Rows, int SkippedRows, IReadOnlyList<string> UnseenLabels, double? Threshold, IReadOnlyDictionary<string, double> Metrics, ModelCurves Curves);

/// <summary>
/// Scores a model on a labelled frame with its own prediction path (<see cref="HoldoutScoring"/>) and the same metric and
/// curve code its validation used, labelling binary rows at the model's saved threshold. Rows whose label the model never
/// saw are counted and named rather than refusing the whole file: a classifier has no probability for them.
/// </summary>
public static class OwnDataEvaluation
{
    public const int MaxUnseenLabels = 20;

    public static EvaluationResult Evaluate(ModelBundle model, ColumnFrame frame, string target, double? savedThreshold)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(frame);
        if (!frame.Contains(target))
        {
            throw new DataException($"This data set has no column '{target}', the column the model predicts.");
        }
        var rows = HoldoutScoring.ComparableRows(frame, target, model);
        if (rows.Length == 0)
        {
            throw new DataException($"No row of this data set has a value of '{target}' the model can be judged on"
                + (model.Task == TaskKind.Regression ? "." : $" (it knows {string.Join(", ", model.Classes.Take(10))})."));
        }
        var scored = HoldoutScoring.Score(model, frame, target, rows);
        var all = Enumerable.Range(0, rows.Length).ToArray();
        var threshold = model.Task == TaskKind.Binary ? savedThreshold ?? DecisionThreshold.Default : (double?)null;
        var at = threshold ?? DecisionThreshold.Default;
        var metrics = Scoring.All(scored.Task, scored.Y, scored.P, all, at);
        var curves = CurveBuilder.Build(scored.Task, model.Classes, scored.Y, scored.P, all, at);
        return new EvaluationResult(rows.Length, frame.RowCount - rows.Length, UnseenLabels(model, frame, target), threshold, metrics, curves);
    }

    private static List<string> UnseenLabels(ModelBundle model, ColumnFrame frame, string target)
    {
        if (model.Task == TaskKind.Regression)
        {
            return [];
        }
        var known = model.Classes.ToHashSet(StringComparer.Ordinal);
        var column = frame[target];
        return Enumerable.Range(0, frame.RowCount).Select(i => CellValues.ToLabel(column.ValueAt(i)))
            .Where(l => l is not null && !known.Contains(l)).GroupBy(l => l!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(MaxUnseenLabels).Select(g => g.Key).ToList();
    }
}
