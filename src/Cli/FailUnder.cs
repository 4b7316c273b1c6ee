using System.Globalization;
using AutoMl.Sdk;

namespace AutoMl.Cli;

/// <summary>
/// "--fail-under auc=0.85": the gate a CI pipeline puts on a model. For scores where higher is better the model
/// fails when its score is below the threshold; for losses (rmse, mae, logloss) "under" means "worse than", so it
/// fails when its loss is above the threshold.
/// </summary>
internal sealed record FailUnder(string Metric, double Threshold)
{
    public const string Help =
        "Exit 7 unless the model's METRIC passes THRESHOLD, written METRIC=THRESHOLD (e.g. auc=0.85, rmse=4.5). " +
        "For scores (auc, accuracy, f1, precision, recall, macrof1, r2) it fails when the score is below the threshold; " +
        "for losses (rmse, mae, logloss) when the loss is above it, i.e. worse. Implies --wait.";

    public static bool TryParse(string text, out FailUnder? gate)
    {
        gate = null;
        var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold))
        {
            return false;
        }
        gate = new FailUnder(parts[0].ToLowerInvariant(), threshold);
        return true;
    }

    public bool HigherIsBetter => Metrics.HigherIsBetter(Metric);

    public bool Passes(double score) => HigherIsBetter ? score >= Threshold : score <= Threshold;

    /// <summary>The model's value of the gate's metric: its score when it is the metric it was chosen by, else from its metrics.</summary>
    public double? ScoreOf(Model model)
    {
        var wanted = Normalize(Metric);
        if (Normalize(model.Metric) == wanted)
        {
            return model.Score;
        }
        if (model.Metrics.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            foreach (var metric in model.Metrics.EnumerateObject())
            {
                if (Normalize(metric.Name) == wanted && metric.Value.ValueKind == System.Text.Json.JsonValueKind.Number)
                {
                    return metric.Value.GetDouble();
                }
            }
        }
        return null;
    }

    private static string Normalize(string name) =>
        name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
