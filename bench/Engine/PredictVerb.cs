using System.Text;
using AutoMl.Ml.Bundle;
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
        var frame = await BundleInput.LoadAsync(bundle, input);
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

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
