using System.Globalization;

namespace AutoMl.Bench.Load;

internal sealed record StepResult(int Users, double Seconds, double RequestsPerSecond, int Requests, int Errors, int RateLimited, double ErrorRate,
    IReadOnlyList<RouteStats> Routes, double EventP50, double EventP95, double EventP99, int Events, int HubsConnected, int JobsCompleted,
    bool WithinErrorAndP99, bool WithinTargets, string LoadAverage);

/// <summary>Prints each step as it ends and the verdicts at the end; keeps them for the JSON result.</summary>
internal sealed class Report(LoadSettings settings, Recorder recorder)
{
    private readonly List<StepResult> steps = [];
    private int eventsSeen;
    private JobBook? book;

    public void Track(JobBook jobs) => book = jobs;

    public StepResult Step(int users, long from, long to, int hubsConnected, Faults? faults)
    {
        var samples = recorder.Between(from, to);
        var seconds = (to - from) / 1000.0;
        var routes = RouteStats.Of(samples);
        var errors = routes.Sum(r => r.Errors);
        var limited = routes.Sum(r => r.RateLimited);
        var all = recorder.EventLatencies;
        var events = all.Skip(eventsSeen).Order().ToArray();
        eventsSeen = all.Count;
        var errorRate = samples.Count == 0 ? 0 : (double)errors / samples.Count;
        // The hub connects happen before the steps; they are reported, not judged with the steady routes.
        var judged = routes.Where(Judged).ToList();
        var withinP99 = errorRate < settings.MaxErrorRate && judged.All(r => double.IsNaN(r.P99) || r.P99 < settings.StopP99Ms);
        var within = errorRate < settings.MaxErrorRate && judged.All(r => (double.IsNaN(r.P99) || r.P99 < settings.MaxP99Ms) && (double.IsNaN(r.P95) || r.P95 < settings.MaxP95Ms));
        var result = new StepResult(users, seconds, samples.Count / Math.Max(seconds, 0.001), samples.Count, errors, limited, errorRate, routes,
            RouteStats.Percentile(events, 0.5), RouteStats.Percentile(events, 0.95), RouteStats.Percentile(events, 0.99), events.Length,
            hubsConnected, book?.Completed ?? 0, withinP99, within, LoadAverage());
        steps.Add(result);
        Print(result, faults is null ? null : "whole fault run, fault windows included");
        if (settings.Surge)
        {
            PrintTimeline(samples, from);
        }
        return result;
    }

    /// <summary>A surge's requests by when they were answered, 5 s at a time: how long the cold start lasts.</summary>
    private static void PrintTimeline(IReadOnlyList<Sample> samples, long from)
    {
        var o = Console.Out;
        o.WriteLine("   answered in       count   p50 ms   p95 ms   p99 ms   (every judged route)");
        foreach (var slice in samples.Where(s => s.Route != Baseline.Route && !s.Route.StartsWith("WS ", StringComparison.Ordinal))
                     .GroupBy(s => (s.At - from) / 5000).OrderBy(g => g.Key))
        {
            var ms = slice.Select(s => s.Ms).Order().ToArray();
            o.WriteLine(Inv($"   {slice.Key * 5,3}-{slice.Key * 5 + 5,3} s    {ms.Length,7} {RouteStats.Percentile(ms, 0.5),8:F1} {RouteStats.Percentile(ms, 0.95),8:F1} {RouteStats.Percentile(ms, 0.99),8:F1}"));
        }
    }

    private static void Print(StepResult s, string? note)
    {
        var o = Console.Out;
        o.WriteLine();
        o.WriteLine(Inv($"== {s.Users} users{(note is null ? "" : $" ({note})")}: {s.RequestsPerSecond:F0} req/s over {s.Seconds:F0} s, {s.Requests} requests, errors {s.Errors} ({s.ErrorRate:P3}), 429 {s.RateLimited}; load average {s.LoadAverage}"));
        o.WriteLine(Inv($"   {"route",-36} {"count",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7} {"429",6}"));
        foreach (var r in s.Routes)
        {
            o.WriteLine(Inv($"   {r.Route,-36} {r.Count,7} {r.P50,8:F1} {r.P95,8:F1} {r.P99,8:F1} {r.Errors,7} {r.RateLimited,6}"));
        }
        o.WriteLine(Inv($"   events delivered {s.Events}: p50 {s.EventP50:F0} ms, p95 {s.EventP95:F0} ms, p99 {s.EventP99:F0} ms; hubs connected {s.HubsConnected}; jobs completed so far {s.JobsCompleted}"));
        o.WriteLine(Inv($"   verdict: {(s.WithinTargets ? "within p95 < 200 ms, p99 < 500 ms, errors < 0.1% on every route" : s.WithinErrorAndP99 ? "errors < 0.1% and every p99 under the stop bound, but a p95 >= 200 ms or a p99 >= 500 ms" : "over the stop bound (errors >= 0.1% or a p99 at or over it)")}"));
    }

    public bool Final(JobCheck jobs, LedgerCheck ledger, Faults? faults)
    {
        var o = Console.Out;
        o.WriteLine();
        if (faults is null)
        {
            var best = steps.Where(s => s.WithinTargets).MaxBy(s => s.RequestsPerSecond);
            o.WriteLine(best is null
                ? "== sustained: no step held p95 < 200 ms and p99 < 500 ms with < 0.1% errors"
                : Inv($"== sustained: {best.RequestsPerSecond:F0} req/s with {best.Users} users (p95 < 200 ms, p99 < 500 ms and {best.ErrorRate:P3} errors on every route)"));
            if (settings.CapacityCores > 0)
            {
                // The step that held is a floor: the next one up did not, so capacity lies between the two.
                var failedAbove = best is null ? null : steps.Where(s => s.Users > best.Users && !s.WithinTargets).MinBy(s => s.Users);
                o.WriteLine(best is null
                    ? "== capacity: no step held the targets on the pinned core"
                    : Inv($"== capacity: {best.Users / settings.CapacityCores:F0} users per core ({best.RequestsPerSecond / settings.CapacityCores:F0} req/s per core) at p95 < 200 ms, p99 < 500 ms, < 0.1% errors{(failedAbove is null ? " (the highest step tried)" : $"; {failedAbove.Users} users did not hold")}; 10,000 users need {Math.Ceiling(10000 / (best.Users / settings.CapacityCores)):F0} such cores"));
            }
            var errorFree = steps.Where(s => s.ErrorRate < settings.MaxErrorRate).MaxBy(s => s.RequestsPerSecond);
            if (errorFree is not null)
            {
                o.WriteLine(Inv($"== highest rate with < 0.1% errors: {errorFree.RequestsPerSecond:F0} req/s with {errorFree.Users} users ({errorFree.ErrorRate:P3} errors, worst p95 {errorFree.Routes.Where(Judged).Max(r => r.P95):F0} ms, worst p99 {errorFree.Routes.Where(Judged).Max(r => r.P99):F0} ms)"));
            }
        }
        o.WriteLine(Inv($"== jobs: accepted {jobs.Accepted}, succeeded {jobs.Succeeded}, failed and refunded {jobs.FailedRefunded}, failed not refunded {jobs.FailedNotRefunded}, cancelled {jobs.Cancelled}, lost {jobs.Lost}; run more than once (a worker died under them) {jobs.RunAgain}"));
        o.WriteLine(Inv($"== charges: double charges {jobs.DoubleCharges}, ended jobs with credits still held {jobs.HoldsLeft}, captures differing from the job's charge {jobs.ChargeMismatches}"));
        o.WriteLine(Inv($"== ledger: {ledger.Accounts} accounts, {ledger.AccountsOff} whose balance or held differ from their entries, drift {ledger.Drift}"));
        o.WriteLine(Inv($"== ledger: credits in {ledger.CreditsIn} = out {ledger.CreditsOut} + balances {ledger.Balances}: {(ledger.CreditsIn == ledger.CreditsOut + ledger.Balances ? "yes" : "NO")}; held {ledger.Held}"));
        var ok = ledger.Holds && jobs.Lost == 0 && jobs.DoubleCharges == 0 && jobs.HoldsLeft == 0 && jobs.ChargeMismatches == 0 && jobs.FailedNotRefunded == 0;
        if (faults is not null)
        {
            var failures = recorder.All.Where(s => s.Outcome is Outcome.ServerError or Outcome.Failed).ToList();
            var outside = failures.Where(s => !faults.Inside(s.At)).ToList();
            foreach (var w in faults.Windows)
            {
                o.WriteLine(Inv($"== fault window {w.What}: {w.FromMs / 1000.0:F1}-{w.ToMs / 1000.0:F1} s, 5xx/failed requests inside {failures.Count(s => s.At >= w.FromMs && s.At <= w.ToMs)}"));
            }
            o.WriteLine(Inv($"== 5xx or failed requests outside the fault windows: {outside.Count}{string.Concat(outside.Take(5).Select(s => $"; {s.Route} {s.Status} at {s.At / 1000.0:F1} s"))}"));
            ok &= outside.Count == 0;
        }
        o.WriteLine(ok ? "== verdict: PASS" : "== verdict: FAIL");
        return ok;
    }

    public object Result(JobCheck jobs, LedgerCheck ledger, Faults? faults) => new
    {
        machine = $"{Environment.ProcessorCount} cores",
        settings = new { settings.ThinkSeconds, settings.JobsPerSecond, settings.Hubs, settings.Predictors, settings.StepDuration, settings.Faults },
        steps,
        jobs,
        ledger,
        faultWindows = faults?.Windows,
    };

    private static bool Judged(RouteStats r) => !r.Route.StartsWith("WS ", StringComparison.Ordinal) && r.Route != Baseline.Route;

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
