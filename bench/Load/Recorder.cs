using System.Collections.Concurrent;
using System.Diagnostics;

namespace AutoMl.Bench.Load;

internal enum Outcome
{
    Ok,
    RateLimited,
    ClientError,
    ServerError,
    Failed,
}

/// <summary>One answered (or failed) request: when, on which route, how long, what came back.</summary>
internal readonly record struct Sample(long At, string Route, double Ms, Outcome Outcome, int Status);

/// <summary>Every request of the run, in order of completion; steps and fault windows are cut out of it afterwards.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentQueue<Sample> samples = new();
    private readonly ConcurrentQueue<double> eventLatencies = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public long Now => clock.ElapsedMilliseconds;

    public void Add(string route, double ms, int status, Exception? error = null)
    {
        var outcome = error is not null ? Outcome.Failed
            : status == 429 ? Outcome.RateLimited
            : status >= 500 ? Outcome.ServerError
            : status >= 400 ? Outcome.ClientError
            : Outcome.Ok;
        samples.Enqueue(new Sample(Now, route, ms, outcome, status));
    }

    public void Event(double latencyMs) => eventLatencies.Enqueue(latencyMs);

    public IReadOnlyList<Sample> Between(long from, long to) => samples.Where(s => s.At >= from && s.At < to).ToList();

    public IReadOnlyList<Sample> All => samples.ToList();

    public IReadOnlyList<double> EventLatencies => eventLatencies.ToList();
}

internal sealed record RouteStats(string Route, int Count, double P50, double P95, double P99, int Errors, int RateLimited)
{
    public static IReadOnlyList<RouteStats> Of(IEnumerable<Sample> samples) =>
        samples.GroupBy(s => s.Route).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var answered = g.Where(s => s.Outcome != Outcome.RateLimited).Select(s => s.Ms).Order().ToArray();
            return new RouteStats(g.Key, g.Count(), Percentile(answered, 0.50), Percentile(answered, 0.95), Percentile(answered, 0.99),
                g.Count(s => s.Outcome is Outcome.ServerError or Outcome.ClientError or Outcome.Failed), g.Count(s => s.Outcome == Outcome.RateLimited));
        }).ToList();

    public static double Percentile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
