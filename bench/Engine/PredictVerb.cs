using System.Text;
using AutoMl.Ml.Bundle;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Data;
using AutoMl.Ml.Schema;

namespace AutoMl.Bench.Engine;

/// <summary>Writes predictions as ../shared/eval/score.py reads them: one probability column per class plus prediction, or prediction.</summary>
internal static class PredictVerb
{
    public static async Task<int> RunAsync(Options options)
    {
        var bundle = ModelBundle.Load(options.Required("model"));
        var input = options.Required("input");
        var output = options.Required("output");
        var work = Path.Combine(Path.GetTempPath(), "automl-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var parquet = Path.Combine(work, "input.parquet");
            await TabularReader.IngestAsync(input, parquet);
            var schema = await ProcessedParquet.ReadSchemaAsync(parquet);
            var needed = bundle.Manifest.InputColumns.Select(c => c.Name).Where(n => schema.Find(n) is not null).ToList();
            var frame = await ProcessedParquet.LoadAsync(parquet, needed);
            var predictions = bundle.Predict(frame);
            await using var writer = new StreamWriter(output, false, new UTF8Encoding(false));
            var classes = bundle.Classes;
            var header = bundle.Task == TaskKind.Regression ? ["prediction"] : classes.Append("prediction");
            await writer.WriteLineAsync(string.Join(',', header.Select(Quote)));
            foreach (var p in predictions)
            {
                var cells = bundle.Task == TaskKind.Regression
                    ? [Cli.Format(p.Value!.Value)]
                    : classes.Select(c => Cli.Format(p.Probabilities![c])).Append(Quote(p.Label!));
                await writer.WriteLineAsync(string.Join(',', cells));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
