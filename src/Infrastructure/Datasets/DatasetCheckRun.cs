using System.Text.Json;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Ml.Profiling;
using AutoMl.Ml.Schema;

namespace AutoMl.Infrastructure.Datasets;

/// <summary>
/// The data checks of a data set as stored and shown: the ingest runs the columns' checks and the suggested target's;
/// another target's are run on the stored sample when asked (the Train page, a job's submission).
/// </summary>
public static class DatasetCheckRun
{
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
