using System.Text.Json;
using AutoMl.Infrastructure.Models;

namespace AutoMl.Api.Models;

/// <summary>Two to four models side by side: their metrics in one table with the best marked, their curves, and what makes them unlike.</summary>
internal static class ModelCompare
{
    public const int Fewest = 2;
    public const int Most = 4;

    public static ModelComparison Build(IReadOnlyList<Model> models, IReadOnlyDictionary<Guid, string> datasetNames)
    {
        var compared = models.Select(m => new ComparedModel(
            new ModelSummary(m.Id, m.JobId, m.DatasetId, m.Task, m.Target, m.Metric, m.Score, m.CreatedAt, datasetNames.GetValueOrDefault(m.DatasetId), m.BundleBytes),
            JsonSerializer.Deserialize<Dictionary<string, double>>(m.MetricsJson, JsonSerializerOptions.Web)!,
            Curves(m.CurvesJson))).ToList();
        return new ModelComparison(compared, Metrics(compared), Warnings(models, datasetNames));
    }

    private static List<MetricComparison> Metrics(List<ComparedModel> models)
    {
        var names = models.SelectMany(m => m.Metrics.Keys)
            .Distinct(StringComparer.Ordinal).ToList();
        return names.Select(name =>
        {
            var values = models.Select(m => m.Metrics.TryGetValue(name, out var v) ? v : (double?)null).ToList();
            var higher = MetricDirection.HigherIsBetter(name);
            int? best = null;
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is { } v && double.IsFinite(v) && (best is not { } b || (higher ? v > values[b]!.Value : v < values[b]!.Value)))
                {
                    best = i;
                }
            }
            return new MetricComparison(name, higher, values, best);
        }).ToList();
    }

    private static List<string> Warnings(IReadOnlyList<Model> models, IReadOnlyDictionary<Guid, string> datasetNames)
    {
        var warnings = new List<string>();
        if (models.Select(m => m.Task).Distinct().Count() > 1)
        {
            warnings.Add($"These models solve different tasks ({string.Join(", ", models.Select(m => m.Task).Distinct())}): their metrics do not measure the same thing.");
        }
        if (models.Select(m => m.Target).Distinct().Count() > 1)
        {
            warnings.Add($"These models predict different targets ({string.Join(", ", models.Select(m => m.Target).Distinct())}): a better score does not make one the better model.");
        }
        if (models.Select(m => m.DatasetId).Distinct().Count() > 1)
        {
            var names = models.Select(m => m.DatasetId).Distinct().Select(id => datasetNames.GetValueOrDefault(id) ?? "a deleted data set");
            warnings.Add($"These models were trained on different data sets ({string.Join(", ", names)}): their scores come from different validation rows.");
        }
        return warnings;
    }

    private static ComparedCurves Curves(string json)
    {
        var curves = JsonSerializer.Deserialize<ModelCurveSet>(json, JsonSerializerOptions.Web)!;
        return new ComparedCurves(curves.Roc, curves.Pr, curves.Residuals, curves.PredictedVsActual);
    }
}
