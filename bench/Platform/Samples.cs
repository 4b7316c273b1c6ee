using System.Diagnostics;

namespace AutoMl.Bench.Platform;

/// <summary>Latencies in milliseconds with the wall time they took, summarised as p50, p99 and throughput.</summary>
internal sealed record Samples(IReadOnlyList<double> Milliseconds, TimeSpan Wall)
{
    public int Count => Milliseconds.Count;
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);
    public double PerSecond => Wall.TotalSeconds > 0 ? Count / Wall.TotalSeconds : 0;

    public double Percentile(double p)
    {
        if (Count == 0)
        {
            return double.NaN;
        }
        var sorted = Milliseconds.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static double Since(long timestamp) => Stopwatch.GetElapsedTime(timestamp).TotalMilliseconds;

    /// <summary>Runs <paramref name="op"/> up to <paramref name="count"/> times on <paramref name="parallel"/> loops, stopping at <paramref name="limit"/>.</summary>
    public static async Task<Samples> RunAsync(int count, int parallel, TimeSpan limit, Func<Task> op)
    {
        var times = new List<double>(count);
        var next = -1;
        using var deadline = new CancellationTokenSource(limit);
        var start = Stopwatch.GetTimestamp();
        async Task LoopAsync()
        {
            while (!deadline.IsCancellationRequested && Interlocked.Increment(ref next) < count)
            {
                var t = Stopwatch.GetTimestamp();
                await op();
                var ms = Since(t);
                lock (times)
                {
                    times.Add(ms);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(LoopAsync)));
        return new Samples(times, Stopwatch.GetElapsedTime(start));
    }
}
