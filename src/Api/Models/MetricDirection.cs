using AutoMl.Ml.Metrics;

namespace AutoMl.Api.Models;

/// <summary>Which way is better for a metric, by the names models store: a loss (rmse, mae, logloss) is better low.</summary>
internal static class MetricDirection
{
    /// <summary>The stored metric names (lower case, as the worker writes them) where lower is better.</summary>
    public static readonly string[] LowerIsBetter = Enum.GetValues<MetricKind>().Where(m => !MetricInfo.HigherIsBetter(m))
        .Select(m => m.ToString().ToLowerInvariant()).ToArray();

    /// <summary>True for a name the engine does not know too: a metric of a newer engine is shown, not hidden.</summary>
    public static bool HigherIsBetter(string name) =>
        !Enum.TryParse<MetricKind>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var metric) || MetricInfo.HigherIsBetter(metric);
}
