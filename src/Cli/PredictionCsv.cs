using System.Globalization;
using System.Text;
using AutoMl.Sdk;

namespace AutoMl.Cli;

/// <summary>Predictions as CSV: the label or value, each class's probability as p_CLASS, then any columns the caller adds per row.</summary>
internal static class PredictionCsv
{
    public static string Write(IReadOnlyList<Prediction> predictions, IReadOnlyList<string>? extraColumns = null, Func<int, IEnumerable<string>>? extraValues = null)
    {
        var classes = predictions.SelectMany(p => p.Probabilities?.Keys ?? Enumerable.Empty<string>()).Distinct().Order(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder();
        csv.AppendJoin(',', classes.Select(c => Csv.Field("p_" + c)).Prepend("prediction").Concat(extraColumns ?? [])).Append('\n');
        for (var i = 0; i < predictions.Count; i++)
        {
            var p = predictions[i];
            var value = p.Label ?? p.Value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
            var probabilities = classes.Select(c =>
                p.Probabilities is { } all && all.TryGetValue(c, out var probability) ? probability.ToString("R", CultureInfo.InvariantCulture) : string.Empty);
            csv.AppendJoin(',', probabilities.Prepend(Csv.Field(value)).Concat((extraValues?.Invoke(i) ?? []).Select(Csv.Field))).Append('\n');
        }
        return csv.ToString();
    }
}
