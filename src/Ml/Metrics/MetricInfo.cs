using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Metrics;

public static class MetricInfo
{
    public static MetricKind Default(TaskKind task) => task switch
    {
        TaskKind.Binary => MetricKind.Auc,
        TaskKind.Multiclass => MetricKind.LogLoss,
        TaskKind.Regression => MetricKind.Rmse,
    };

    public static bool HigherIsBetter(MetricKind metric) =>
        metric is MetricKind.Auc or MetricKind.Accuracy or MetricKind.F1 or MetricKind.Precision or MetricKind.Recall or MetricKind.MacroF1 or MetricKind.R2;

    public static bool Fits(MetricKind metric, TaskKind task) => task switch
    {
        TaskKind.Binary => metric is MetricKind.Auc or MetricKind.LogLoss or MetricKind.Accuracy or MetricKind.F1 or MetricKind.Precision or MetricKind.Recall,
        TaskKind.Multiclass => metric is MetricKind.LogLoss or MetricKind.Accuracy or MetricKind.MacroF1,
        TaskKind.Regression => metric is MetricKind.Rmse or MetricKind.Mae or MetricKind.R2,
    };

    public static MetricKind Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse<MetricKind>(key, ignoreCase: true, out var metric)
            ? metric
            : throw new ArgumentException($"Unknown metric '{name}'. Known: {string.Join(", ", Enum.GetNames<MetricKind>())}.", nameof(name));
    }

    /// <summary>The value as a loss (lower is better), which is what the search minimises.</summary>
    public static double AsLoss(MetricKind metric, double value) => HigherIsBetter(metric) ? -value : value;
}
