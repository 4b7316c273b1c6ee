using System.Globalization;
using AutoMl.Ml.Data;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Profiling;

/// <summary>What the ingest measures for the checks beyond the profile: duplicated rows and columns.</summary>
public sealed record DataScan(long DuplicateRows, IReadOnlyList<IReadOnlyList<string>> DuplicateColumns);

/// <summary>
/// The data checks a profile carries: those of the columns alone (identifiers, constants, missing values, duplicates, a
/// time column) and those of a target (leakage, class imbalance), each a sentence and an action. Leaking columns and
/// identifiers are the ones training leaves out by default.
/// </summary>
public static class DataChecks
{
    /// <summary>Rows of the sample the target checks read (and the data set page's quick looks).</summary>
    public const int SampleRows = 20_000;

    public const double LeakAuc = 0.99;
    public const double StrongAuc = 0.95;
    public const double LeakR2 = 0.99;
    public const double StrongR2 = 0.95;
    public const double LeakMulticlass = 0.98;
    public const double StrongMulticlass = 0.9;

    /// <summary>Counts duplicated rows and columns of the processed file and writes the checks' sample beside it.</summary>
    public static Task<DataScan> ScanAsync(string parquetPath, IReadOnlyList<ColumnProfile> columns, string samplePath, CancellationToken ct = default) =>
        Task.Run(() =>
        {
            using var session = new DuckDbSession(IngestOptions.Default, [parquetPath, samplePath]);
            var relation = $"read_parquet({DuckDbSession.Quote(parquetPath)})";
            session.Execute($"COPY (SELECT * FROM {relation} USING SAMPLE reservoir({SampleRows} ROWS) REPEATABLE (42)) TO {DuckDbSession.Quote(samplePath)} (FORMAT parquet)");
            ct.ThrowIfCancellationRequested();
            var duplicateRows = Convert.ToInt64(session.Scalar($"SELECT (SELECT count(*) FROM {relation}) - (SELECT count(*) FROM (SELECT DISTINCT * FROM {relation}))"), CultureInfo.InvariantCulture);
            ct.ThrowIfCancellationRequested();
            return new DataScan(duplicateRows, DuplicateColumns(session, relation, columns));
        }, ct);

    /// <summary>Columns equal cell for cell: a fingerprint of each column in batched scans, then an exact check of each candidate pair.</summary>
    private static List<IReadOnlyList<string>> DuplicateColumns(DuckDbSession session, string relation, IReadOnlyList<ColumnProfile> columns)
    {
        var usable = columns.Where(c => c.DistinctCount > 1).ToList();
        if (usable.Count < 2)
        {
            return [];
        }
        var prints = session.Aggregates(relation, [.. usable.Select(c => $"sum(hash(CAST({DuckDbSession.Identifier(c.Name)} AS VARCHAR)))::VARCHAR")]);
        var groups = new List<IReadOnlyList<string>>();
        foreach (var candidates in usable.Select((c, i) => (c.Name, Print: prints[i] as string)).GroupBy(p => p.Print).Where(g => g.Count() > 1))
        {
            var names = candidates.Select(c => c.Name).ToList();
            var first = DuckDbSession.Identifier(names[0]);
            var same = names.Skip(1).Where(n => Convert.ToInt64(session.Scalar(
                $"SELECT count(*) FROM {relation} WHERE CAST({first} AS VARCHAR) IS DISTINCT FROM CAST({DuckDbSession.Identifier(n)} AS VARCHAR)"), CultureInfo.InvariantCulture) == 0).ToList();
            if (same.Count > 0)
            {
                groups.Add([names[0], .. same]);
            }
        }
        return groups;
    }

    /// <summary>The checks of the columns alone.</summary>
    public static List<DataCheck> OfColumns(DatasetProfile profile, DataScan scan)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(scan);
        var checks = new List<DataCheck>();
        var rows = Math.Max(1, profile.RowCount);
        var ids = profile.Columns.Where(c => c.Kind == ColumnKind.Identifier).Select(c => c.Name).ToList();
        if (ids.Count > 0)
        {
            checks.Add(new(DataCheckCodes.Identifier, CheckSeverity.Warning,
                $"{Names(ids)} {(ids.Count == 1 ? "looks" : "look")} like an identifier: a different value on almost every row, which tells a model nothing about new rows.",
                ids, "Left out of training. If it is really a measurement, re-upload it with a name that is not an id.", true));
        }
        var constant = profile.Columns.Where(c => c.DistinctCount <= 1).Select(c => c.Name).ToList();
        if (constant.Count > 0)
        {
            checks.Add(new(DataCheckCodes.Constant, CheckSeverity.Info, $"{Names(constant)} {(constant.Count == 1 ? "has" : "have")} one value on every row.",
                constant, "Nothing to learn from: training ignores it.", false));
        }
        foreach (var column in profile.Columns.Where(c => c.DistinctCount > 1 && c.TopCategories.Count > 0))
        {
            var share = (double)column.TopCategories[0].Count / Math.Max(1, rows - column.MissingCount);
            if (share >= 0.99)
            {
                checks.Add(new(DataCheckCodes.NearConstant, CheckSeverity.Info,
                    $"'{column.Name}' is '{column.TopCategories[0].Value}' on {share:P1} of its rows.", [column.Name],
                    "Little to learn from; keep it if the rare values matter to you.", false, share));
            }
        }
        foreach (var column in profile.Columns.Where(c => c.MissingCount >= rows * 0.5 && c.DistinctCount > 0))
        {
            var share = (double)column.MissingCount / rows;
            checks.Add(new(DataCheckCodes.HeavyMissing, CheckSeverity.Warning, $"'{column.Name}' is missing on {share:P0} of the rows.", [column.Name],
                "Check the export that made the file; training treats a missing value as information of its own.", false, share));
        }
        if (scan.DuplicateRows > 0)
        {
            var share = (double)scan.DuplicateRows / rows;
            checks.Add(new(DataCheckCodes.DuplicateRows, share >= 0.01 ? CheckSeverity.Warning : CheckSeverity.Info,
                $"{scan.DuplicateRows:N0} rows ({share:P1}) repeat an earlier row exactly.", [],
                "Repeated rows can sit on both sides of the validation split and flatter the score; remove them unless they are real repeats.", false, share));
        }
        foreach (var group in scan.DuplicateColumns)
        {
            checks.Add(new(DataCheckCodes.DuplicateColumns, CheckSeverity.Info, $"{Names(group)} hold the same values on every row.", group,
                "Keep one of them: the copies add nothing and split the feature importance between them.", false));
        }
        var times = profile.Columns.Where(c => c.Kind == ColumnKind.Datetime).Select(c => c.Name).ToList();
        if (times.Count > 0)
        {
            checks.Add(new(DataCheckCodes.TimeColumn, CheckSeverity.Info, $"{Names(times)} {(times.Count == 1 ? "is a date" : "are dates")}: the rows have a time order.",
                times, "If you will predict the future from the past, validate on the newest rows (a workflow's time column does) rather than on a random split.", false));
        }
        return checks;
    }

    /// <summary>The checks of a target: leakage (from the sample) and class imbalance (from the target's profile).</summary>
    public static List<DataCheck> OfTarget(string sampleParquet, IReadOnlyList<ColumnProfile> columns, string target, TaskKind task, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var checks = new List<DataCheck>();
        var scores = LeakageScreen.Score(sampleParquet, columns, target, task, ct);
        var (leak, strong, measure) = task switch
        {
            TaskKind.Regression => (LeakR2, StrongR2, "R²"),
            TaskKind.Binary => (LeakAuc, StrongAuc, "AUC"),
            _ => (LeakMulticlass, StrongMulticlass, "accuracy above the majority class"),
        };
        foreach (var (name, score) in scores.Where(s => s.Value >= strong).OrderByDescending(s => s.Value))
        {
            var leaking = score >= leak;
            checks.Add(leaking
                ? new(DataCheckCodes.TargetLeakage, CheckSeverity.Critical,
                    $"'{name}' alone predicts '{target}' almost perfectly ({measure} {score:0.000} on its own): it probably holds the answer, such as a copy of the target or a value known only afterwards.",
                    [name], "Left out of training. Keep it only if it will be known, as it is here, when you predict.", true, score)
                : new(DataCheckCodes.StrongPredictor, CheckSeverity.Warning,
                    $"'{name}' alone predicts '{target}' unusually well ({measure} {score:0.000} on its own).",
                    [name], "Make sure it is known at prediction time; if it is recorded after the outcome, leave it out.", false, score));
        }
        var column = columns.FirstOrDefault(c => c.Name == target);
        if (task != TaskKind.Regression && column is { TopCategories.Count: > 1 })
        {
            var counted = column.TopCategories.Sum(c => c.Count);
            var rarest = column.TopCategories.MinBy(c => c.Count)!;
            var share = (double)rarest.Count / Math.Max(1, counted);
            if (share < 0.05)
            {
                checks.Add(new(DataCheckCodes.ClassImbalance, CheckSeverity.Warning,
                    $"'{rarest.Value}' is {share:P1} of '{target}' ({rarest.Count:N0} rows).", [target],
                    "Judge the model by AUC or log loss rather than accuracy, and choose its decision threshold with the rare class in mind.", false, share));
            }
        }
        return checks;
    }

    /// <summary>The columns training leaves out unless kept: identifiers and leaking columns.</summary>
    public static IReadOnlyList<string> ExcludedByDefault(IEnumerable<DataCheck> checks) =>
        [.. checks.Where(c => c.ExcludedByDefault).SelectMany(c => c.Columns).Distinct(StringComparer.Ordinal)];

    private static string Names(IReadOnlyList<string> names) =>
        names.Count <= 4 ? string.Join(", ", names.Select(n => $"'{n}'")) : string.Join(", ", names.Take(3).Select(n => $"'{n}'")) + $" and {names.Count - 3} more";
}
