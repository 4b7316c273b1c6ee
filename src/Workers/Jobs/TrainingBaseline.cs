using System.Text.Json;
using AutoMl.Domain.Registry;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Schema;

namespace AutoMl.Workers.Jobs;

/// <summary>
/// The per-feature baseline the endpoint monitor compares live inputs with, from the rows the model trained on (at
/// most 100,000 of them, evenly spaced). Dates, free text and identifiers get none: their live values differ from
/// training's by nature.
/// </summary>
internal static class TrainingBaseline
{
    private const int MaxRows = 100_000;

    public static async Task<string> ComputeJsonAsync(string parquetPath, IReadOnlyList<string> inputColumns, CancellationToken ct)
    {
        var frame = await ProcessedParquet.LoadAsync(parquetPath, inputColumns, ct);
        var step = Math.Max(1, frame.RowCount / MaxRows);
        var rows = Enumerable.Range(0, frame.RowCount).Where(i => i % step == 0).ToArray();
        var baselines = new List<FeatureBaseline>();
        foreach (var column in frame.Columns)
        {
            switch (column.Kind)
            {
                case ColumnKind.Numeric:
                    baselines.Add(FeatureBaselines.OfNumbers(column.Name, rows.Select(i => (double)column.Numbers![i]).ToArray()));
                    break;
                case ColumnKind.Categorical or ColumnKind.Boolean:
                    baselines.Add(FeatureBaselines.OfLevels(column.Name, column.Kind.ToString().ToLowerInvariant(),
                        rows.Select(i => column.Codes![i] < 0 ? null : column.Levels[column.Codes[i]]).ToArray()));
                    break;
            }
        }
        return JsonSerializer.Serialize(baselines, JsonSerializerOptions.Web);
    }
}
