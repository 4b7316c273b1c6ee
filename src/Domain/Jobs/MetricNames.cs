namespace AutoMl.Domain.Jobs;

/// <summary>The metric and task names of the API, and which metrics each task can optimise.</summary>
public static class MetricNames
{
    public static readonly IReadOnlyDictionary<string, string[]> ByTask = new Dictionary<string, string[]>
    {
        ["binary"] = ["auc", "logloss", "accuracy", "f1", "precision", "recall"],
        ["multiclass"] = ["logloss", "accuracy", "macrof1"],
        ["regression"] = ["rmse", "mae", "r2"],
    };

    public static string Normalize(string name) =>
        name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
}
