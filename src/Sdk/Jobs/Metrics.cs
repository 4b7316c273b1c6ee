namespace AutoMl.Sdk;

/// <summary>Which way the API's metrics point.</summary>
public static class Metrics
{
    private static readonly HashSet<string> HigherIsBetterNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "auc", "accuracy", "f1", "precision", "recall", "macrof1", "r2",
    };

    /// <summary>True for scores where more is better (auc, accuracy, f1, precision, recall, macrof1, r2); false for losses (rmse, mae, logloss).</summary>
    /// <param name="metric">A metric name; "_" and "-" are ignored, so macro_f1 works.</param>
    /// <returns>Whether a higher score is a better model.</returns>
    public static bool HigherIsBetter(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return HigherIsBetterNames.Contains(metric.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal));
    }
}
