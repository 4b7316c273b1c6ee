using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AutoMl.Bench.Platform;

internal sealed record Row(string Metric, string Ours, string Baseline, string Target, string Verdict);

/// <summary>What the first phase (worker running) hands to the second (worker stopped): the account and the rows measured so far.</summary>
internal sealed record BenchState(string Email, string Password, Guid UserId, string ApiKey, Guid DatasetId, List<Row> Rows, List<string> Notes)
{
    public static BenchState Load(string path) => JsonSerializer.Deserialize<BenchState>(File.ReadAllText(path))!;

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this));
}

internal static class Report
{
    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    public static string Latency(Samples s) => s.Count == 0 ? "no samples" : $"{Ms(s.P50)} / {Ms(s.P99)} ms (n={s.Count})";

    public static string Latency(IReadOnlyList<double> ms) => Latency(new Samples(ms, TimeSpan.Zero));

    public static string Rate(Samples s) => $"{s.PerSecond.ToString("0", CultureInfo.InvariantCulture)}/s (n={s.Count})";

    /// <summary>"pass" when the p99 is under the target, "FAIL" otherwise, "n/a" without samples.</summary>
    public static string Verdict(IReadOnlyList<double> ms, double targetP99) =>
        ms.Count == 0 ? "n/a" : new Samples(ms, TimeSpan.Zero).P99 < targetP99 ? "pass" : "FAIL";

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static string Table(IEnumerable<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| metric | ours | baseline (same run) | target | result |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Metric} | {r.Ours} | {r.Baseline} | {r.Target} | {r.Verdict} |");
        }
        return text.ToString();
    }
}
