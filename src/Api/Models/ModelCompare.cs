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
            Parse(m.MetricsJson),
            Curves(m.CurvesJson))).ToList();
        return new ModelComparison(compared, Metrics(compared), Warnings(models, datasetNames));
    }

    private static List<MetricComparison> Metrics(List<ComparedModel> models)
    {
        var names = models.SelectMany(m => m.Metrics.ValueKind == JsonValueKind.Object ? m.Metrics.EnumerateObject().Select(p => p.Name) : [])
            .Distinct(StringComparer.Ordinal).ToList();
        return names.Select(name =>
        {
            var values = models.Select(m => m.Metrics.ValueKind == JsonValueKind.Object && m.Metrics.TryGetProperty(name, out var v)
                && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null).ToList();
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
        var curves = Parse(json);
        return new ComparedCurves(Part(curves, "roc"), Part(curves, "pr"), Part(curves, "residuals"), Part(curves, "predictedVsActual"));
    }

    private static JsonElement? Part(JsonElement curves, string name) =>
        curves.ValueKind == JsonValueKind.Object && curves.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.Array ? part : null;

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
