using System.Diagnostics;
using AutoMl.Ml.Bundle;

namespace AutoMl.Bench.Engine;

/// <summary>
/// One-row prediction latency of a bundle, as the API's online prediction calls it (a dictionary per row, one row at a
/// time, no SHAP): the part of issue 31's "online prediction p99 &lt; 5 ms inside the API" that is the model's own.
/// </summary>
internal static class RowLatencyVerb
{
    public static async Task<int> RunAsync(Options options)
    {
        var bundle = ModelBundle.Load(options.Required("model"));
        var input = options.Required("input");
        var repeat = (int)options.Number("repeat", 2000);
        var frame = await BundleInput.LoadAsync(bundle, input);
        var rows = Enumerable.Range(0, frame.RowCount)
            .Select(i => (IReadOnlyDictionary<string, object?>)frame.Columns.ToDictionary(c => c.Name, c => c.ValueAt(i)))
            .ToList();
        for (var i = 0; i < Math.Min(200, repeat); i++)
        {
            bundle.Predict(rows[i % rows.Count]);
        }

        var samples = new double[repeat];
        var gen0 = GC.CollectionCount(0);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < repeat; i++)
        {
            var start = Stopwatch.GetTimestamp();
            bundle.Predict(rows[i % rows.Count]);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        var perRow = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)repeat;
        Array.Sort(samples);
        var scorers = bundle.Manifest.Members.Sum(m => Math.Max(1, m.FoldCount));
        Console.WriteLine(FormattableString.Invariant(
            $"one row, {repeat} predictions, {bundle.Manifest.Members.Count} members ({scorers} fitted models: {string.Join(", ", bundle.Manifest.Members.Select(m => $"{m.Learner}×{m.FoldCount}"))}): p50 {samples[repeat / 2]:0.000} ms, p99 {samples[(int)(repeat * 0.99)]:0.000} ms, max {samples[^1]:0.000} ms; {perRow / 1024:0.0} KiB allocated per row; gen0 collections {GC.CollectionCount(0) - gen0}"));
        return 0;
    }
}
