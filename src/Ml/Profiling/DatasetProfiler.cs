using System.Globalization;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Data;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Profiling;

/// <summary>Per-column statistics of a processed Parquet, computed in DuckDB SQL.</summary>
public static class DatasetProfiler
{
    private const int HistogramBins = 20;
    private const int TopCategories = 10;
    private static readonly double[] QuantileProbabilities = [0.05, 0.25, 0.5, 0.75, 0.95];
    private static readonly string[] TargetNames = ["target", "label", "class", "y", "outcome", "churn", "price"];

    public static async Task<DatasetProfile> ProfileAsync(string parquetPath, CancellationToken cancellationToken = default)
    {
        var schema = await ProcessedParquet.ReadSchemaAsync(parquetPath, cancellationToken).ConfigureAwait(false);
        return await Task.Run(() => Profile(parquetPath, schema, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The column a user most likely wants to predict: a conventional name, else the last usable column.</summary>
    public static string? SuggestTarget(DatasetSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var usable = schema.Columns.Where(c => c.Kind is ColumnKind.Numeric or ColumnKind.Boolean or ColumnKind.Categorical && c.DistinctCount > 1).ToList();
        foreach (var name in TargetNames)
        {
            var named = usable.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (named is not null)
            {
                return named.Name;
            }
        }

        return usable.LastOrDefault()?.Name;
    }

    private static DatasetProfile Profile(string parquetPath, DatasetSchema schema, CancellationToken ct)
    {
        using var session = new DuckDbSession(IngestOptions.Default);
        var relation = $"read_parquet({DuckDbSession.Quote(parquetPath)})";

        // The file's metadata carries kinds decided on a sample; the counts are measured on every row here.
        schema = SchemaInference.Measure(session, relation, schema.Columns);
        var columns = new List<ColumnProfile>();
        foreach (var column in schema.Columns)
        {
            ct.ThrowIfCancellationRequested();
            columns.Add(column.Kind == ColumnKind.Numeric ? Numeric(session, relation, column) : Categorical(session, relation, column));
        }

        var target = SuggestTarget(schema);
        TaskKind? task = target is null ? null : TaskInference.Infer(schema.Get(target));
        return new DatasetProfile(schema.RowCount, columns, target, task);
    }

    private static ColumnProfile Numeric(DuckDbSession session, string relation, ColumnSchema column)
    {
        var id = DuckDbSession.Identifier(column.Name);
        var probabilities = string.Join(", ", QuantileProbabilities.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        var row = session.Rows($"SELECT min({id}), max({id}), avg({id}), stddev_samp({id}), quantile_cont({id}, [{probabilities}]) FROM {relation} WHERE NOT isnan({id})")[0];
        double? min = ToDouble(row[0]), max = ToDouble(row[1]);
        var quantiles = row[4] is System.Collections.IList list
            ? QuantileProbabilities.Select((p, i) => new QuantileValue(p, Convert.ToDouble(list[i], CultureInfo.InvariantCulture))).ToList()
            : [];
        var bins = new List<HistogramBin>();
        if (min is { } lo && max is { } hi)
        {
            var width = hi > lo ? (hi - lo) / HistogramBins : 1;
            var binCount = hi > lo ? HistogramBins : 1;
            var counts = new long[binCount];
            var w = width.ToString("R", CultureInfo.InvariantCulture);
            var l = lo.ToString("R", CultureInfo.InvariantCulture);
            foreach (var r in session.Rows($"SELECT least(CAST(floor(({id} - {l}) / {w}) AS BIGINT), {binCount - 1}), count(*) FROM {relation} WHERE {id} IS NOT NULL AND NOT isnan({id}) GROUP BY 1"))
            {
                counts[Convert.ToInt32(r[0], CultureInfo.InvariantCulture)] = Convert.ToInt64(r[1], CultureInfo.InvariantCulture);
            }

            bins.AddRange(counts.Select((c, i) => new HistogramBin(lo + i * width, lo + (i + 1) * width, c)));
        }

        return new ColumnProfile(column.Name, column.Kind, column.MissingCount, column.DistinctCount, min, max, ToDouble(row[2]), ToDouble(row[3]), quantiles, [], bins);
    }

    private static ColumnProfile Categorical(DuckDbSession session, string relation, ColumnSchema column)
    {
        var id = DuckDbSession.Identifier(column.Name);
        var top = session.Rows($"SELECT CAST({id} AS VARCHAR), count(*) FROM {relation} WHERE {id} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {TopCategories}")
            .Select(r => new CategoryCount((string)r[0]!, Convert.ToInt64(r[1], CultureInfo.InvariantCulture)))
            .ToList();
        double? min = null, max = null;
        if (column.Kind == ColumnKind.Datetime)
        {
            var row = session.Rows($"SELECT epoch(min({id})), epoch(max({id})) FROM {relation}")[0];
            min = ToDouble(row[0]);
            max = ToDouble(row[1]);
        }

        return new ColumnProfile(column.Name, column.Kind, column.MissingCount, column.DistinctCount, min, max, null, null, [], top, []);
    }

    private static double? ToDouble(object? value) => value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
