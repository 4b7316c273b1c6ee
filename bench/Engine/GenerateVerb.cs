using System.Globalization;
using System.Text;

namespace AutoMl.Bench.Engine;

/// <summary>Writes a synthetic numeric CSV (x0..x{C-1} and a regression target y) for the ingest and memory benchmarks.</summary>
internal static class GenerateVerb
{
    public static async Task<int> RunAsync(Options options)
    {
        var output = options.Required("output");
        var rows = (long)options.Number("rows", 1_000_000);
        var columns = (int)options.Number("columns", 50);
        var random = new Random(42);
        await using var writer = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 20);
        await writer.WriteLineAsync(string.Join(',', Enumerable.Range(0, columns).Select(c => $"x{c}").Append("y")));
        var line = new StringBuilder();
        var values = new double[columns];
        for (long r = 0; r < rows; r++)
        {
            line.Clear();
            double y = 0;
            for (var c = 0; c < columns; c++)
            {
                values[c] = Math.Round(random.NextDouble() * 100, 3);
                line.Append(values[c].ToString(CultureInfo.InvariantCulture)).Append(',');
            }

            // A target with a little structure so training has something to find.
            y = values[0] * 2 + (values[1] > 50 ? 30 : 0) + values[2] * values[3] / 100 + random.NextDouble() * 10;
            line.Append(Math.Round(y, 3).ToString(CultureInfo.InvariantCulture));
            await writer.WriteLineAsync(line);
        }

        return 0;
    }
}
