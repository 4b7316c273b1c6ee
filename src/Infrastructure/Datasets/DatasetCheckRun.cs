using System.Text.Json;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Ml.Profiling;
using AutoMl.Ml.Schema;

namespace AutoMl.Infrastructure.Datasets;

/// <summary>
/// The data checks of a data set as stored and shown: the ingest runs the columns' checks and the suggested target's, and
/// those of every other column that could be a target (<see cref="OfOtherTargets"/>); a target not among them, or asked
/// with another task, is checked on the stored sample when asked (the Train page, a job's submission).
/// </summary>
public static class DatasetCheckRun
{
    /// <summary>At most this many other targets are screened at ingest; the rest are checked when asked.</summary>
    public const int MaxOtherTargets = 32;

    /// <summary>
    /// The ingest screens other targets while targets × columns stays within this (the screen reads each column once per
    /// target, a few milliseconds each on the 20,000-row sample): a narrow data set has every target screened, a wide one
    /// fewer or none; the rest are checked when asked.
    /// </summary>
    public const int MaxColumnScreens = 256;

    /// <summary>
    /// Each other column's target checks, for the task the engine would infer for it, keyed by column name; null when the
    /// data set is too wide to screen any. Run by the ingest: a submission for any of these targets then reads its checks
    /// instead of screening the sample while the user waits (issue 31: under a crowd the screen, CPU-bound, made a
    /// submission 5-10 times slower than one on the suggested target).
    /// </summary>
    public static Dictionary<string, List<DatasetCheck>>? OfOtherTargets(string samplePath, DatasetProfile profile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var screened = Math.Min(MaxOtherTargets, MaxColumnScreens / Math.Max(1, profile.Columns.Count));
        if (screened == 0)
        {
            return null;
        }
        var byTarget = new Dictionary<string, List<DatasetCheck>>(StringComparer.Ordinal);
        foreach (var column in profile.Columns
            .Where(c => c.Name != profile.SuggestedTarget && c.DistinctCount > 1 && c.Kind is ColumnKind.Numeric or ColumnKind.Boolean or ColumnKind.Categorical)
            .Take(screened))
        {
            var task = TaskInference.Infer(column.Kind == ColumnKind.Numeric, column.DistinctCount);
            byTarget[column.Name] = [.. DataChecks.OfTarget(samplePath, profile.Columns, column.Name, task, ct).Select(c => View(c, column.Name))];
        }
        return byTarget;
    }

    public static async Task<List<DatasetCheck>> OfIngestAsync(string processed, string samplePath, DatasetProfile profile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var scan = await DataChecks.ScanAsync(processed, profile.Columns, samplePath, ct);
        var checks = DataChecks.OfColumns(profile, scan).Select(c => View(c, null)).ToList();
        if (profile.SuggestedTarget is { } target && profile.SuggestedTask is { } task)
        {
            checks.AddRange(DataChecks.OfTarget(samplePath, profile.Columns, target, task, ct).Select(c => View(c, target)));
        }
        return checks;
    }

    /// <summary>
    /// The columns' checks and the target's, or null for a data set ingested before checks existed. The task is the
    /// request's, or the one the engine would infer.
    /// </summary>
    public static async Task<List<DatasetCheck>?> ForTargetAsync(Dataset dataset, string target, string? task, IBlobStore blobs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(blobs);
        if (dataset.ChecksJson is null || dataset.SampleKey is null || dataset.ColumnsJson is null)
        {
            return null;
        }
        var stored = JsonSerializer.Deserialize<List<DatasetCheck>>(dataset.ChecksJson, JsonSerializerOptions.Web)!;
        var columns = Profiles(dataset.ColumnsJson);
        var kind = task is null ? Infer(columns, target) : Enum.Parse<TaskKind>(task, ignoreCase: true);
        if (dataset.TargetSuggestion == target && (task is null || string.Equals(task, dataset.TaskSuggestion, StringComparison.OrdinalIgnoreCase)))
        {
            return stored;
        }
        if (kind == Infer(columns, target) && dataset.TargetChecksJson is not null
            && JsonSerializer.Deserialize<Dictionary<string, List<DatasetCheck>>>(dataset.TargetChecksJson, JsonSerializerOptions.Web)!.TryGetValue(target, out var ofIngest))
        {
            return [.. stored.Where(c => c.Target is null), .. ofIngest];
        }
        var folder = Directory.CreateTempSubdirectory("automl-checks-");
        try
        {
            var sample = Path.Combine(folder.FullName, "sample.parquet");
            await blobs.DownloadToFileAsync(dataset.SampleKey, sample, ct);
            var ofTarget = await Task.Run(() => DataChecks.OfTarget(sample, columns, target, kind, ct), ct);
            return [.. stored.Where(c => c.Target is null), .. ofTarget.Select(c => View(c, target))];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The task the engine infers for the target from its stored profile (binary, multiclass or regression).</summary>
    public static string TaskOf(Dataset dataset, string target)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Infer(Profiles(dataset.ColumnsJson ?? "[]"), target).ToString().ToLowerInvariant();
    }

    /// <summary>The columns training leaves out unless kept.</summary>
    public static IReadOnlyList<string> ExcludedByDefault(IEnumerable<DatasetCheck> checks) =>
        [.. checks.Where(c => c.ExcludedByDefault).SelectMany(c => c.Columns).Distinct(StringComparer.Ordinal)];

    private static TaskKind Infer(IReadOnlyList<ColumnProfile> columns, string target) =>
        columns.FirstOrDefault(c => c.Name == target) is { } column
            ? TaskInference.Infer(column.Kind == ColumnKind.Numeric, column.DistinctCount)
            : throw new ArgumentException($"The data set has no column '{target}'.", nameof(target));

    /// <summary>The stored column profiles as the checks read them.</summary>
    private static List<ColumnProfile> Profiles(string columnsJson) =>
        [.. JsonSerializer.Deserialize<List<DatasetColumn>>(columnsJson, JsonSerializerOptions.Web)!.Select(c => new ColumnProfile(
            c.Name, ColumnKindNames.Parse(c.Type), c.Missing, c.Distinct, c.Min, c.Max, c.Mean, c.Std,
            [.. c.Quantiles.Select(q => new QuantileValue(q.Probability, q.Value))],
            [.. c.TopCategories.Select(t => new CategoryCount(t.Value, t.Count))],
            [.. c.Histogram.Select(h => new HistogramBin(h.Lower, h.Upper, h.Count))]))];

    private static DatasetCheck View(DataCheck c, string? target) => new(
        c.Code, c.Severity.ToString().ToLowerInvariant(), c.Message, c.Columns, c.Action, c.ExcludedByDefault, c.Score, target);
}
