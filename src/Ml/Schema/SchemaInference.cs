using System.Globalization;
using AutoMl.Ml.Data;

namespace AutoMl.Ml.Schema;

/// <summary>
/// Decides each column's kind from DuckDB's sniffed type and a few SQL counts, and the expression
/// that stores it in our processed Parquet (numbers as DOUBLE, categories and text as VARCHAR, dates as TIMESTAMP).
/// </summary>
internal static class SchemaInference
{
    private const int MinRowsForIdentifier = 50;
    private static readonly string[] BooleanWords = ["true", "false", "yes", "no", "t", "f", "y", "n"];

    public sealed record Inferred(ColumnSchema Column, string Expression, string StorageType);

    public static List<Inferred> Infer(DuckDbSession session, string relation, long rowCount)
    {
        var columns = session.Describe(relation).Select(c => new Facts(c.Name, c.Type.ToUpperInvariant())).ToList();

        // Every step asks all the columns that need it in one batched scan: a query per column binds the whole
        // relation each time, which is quadratic in the width (10,000 columns would take hours).
        var counts = session.Aggregates(relation, [.. columns.SelectMany(c => new[] { $"count({c.Id})", $"approx_count_distinct({c.Id})" })]);
        for (var i = 0; i < columns.Count; i++)
        {
            columns[i].NonNull = ToLong(counts[2 * i]);
            columns[i].Distinct = ToLong(counts[2 * i + 1]);
        }

        // Exact where it matters: small counts decide the task (20 classes or more), near-unique text and integers may be identifiers.
        Measure(session, relation, columns.Where(c => c.Distinct < 1000 || c.CandidateIdentifier).ToList(),
            c => $"count(DISTINCT {c.Id})", (c, v) => c.Distinct = ToLong(v), batch: DuckDbSession.HashAggregatesPerQuery);
        Measure(session, relation, columns.Where(c => IsInteger(c.Type) && c.Unique && !LooksLikeIdName(c.Name)).ToList(),
            c => $"CAST(max({c.Id}) AS DOUBLE) - CAST(min({c.Id}) AS DOUBLE)",
            (c, v) => c.Consecutive = v is not null && IsConsecutive(Convert.ToDouble(v, CultureInfo.InvariantCulture), c.NonNull));

        var texts = columns.Where(c => c.Type == "VARCHAR" && c.NonNull > 0).ToList();
        // CASE expressions, not FILTER clauses: DuckDB evaluated many FILTERed aggregates far more slowly.
        static string Filled(string id, string value) => $"CASE WHEN trim({id}) <> '' THEN {value} END";
        Measure(session, relation, texts, c => string.Join(", ",
                $"count({Filled(c.Id, "1")})",
                $"count({Filled(c.Id, $"TRY_CAST(trim({c.Id}) AS DOUBLE)")})",
                $"count({Filled(c.Id, $"TRY_CAST({c.Id} AS TIMESTAMP)")})",
                $"avg({Filled(c.Id, $"length({c.Id})")})",
                $"avg({Filled(c.Id, $"length({c.Id}) - length(replace({c.Id}, ' ', ''))")})",
                $"bool_and(lower(trim({c.Id})) IN ({string.Join(", ", BooleanWords.Select(DuckDbSession.Quote))}))"),
            (c, v) => c.Text = v, width: 6);
        Measure(session, relation, texts.Where(c => c.LooksNumeric).ToList(),
            c => $"count(DISTINCT TRY_CAST(trim({c.Id}) AS DOUBLE))", (c, v) => c.NumericDistinct = ToLong(v), batch: DuckDbSession.HashAggregatesPerQuery);

        return columns.Select(c => Decide(c, rowCount)).ToList();
    }

    /// <summary>Exact missing counts (and distinct counts, exact up to 1000) of the written columns, in batched scans.</summary>
    public static DatasetSchema Measure(DuckDbSession session, string relation, IReadOnlyList<ColumnSchema> kinds)
    {
        var ids = kinds.Select(c => DuckDbSession.Identifier(c.Name)).ToList();
        var rowCount = ToLong(session.Scalar($"SELECT count(*) FROM {relation}"));
        var counts = session.Aggregates(relation, [.. ids.Select(id => $"count({id}), approx_count_distinct({id})")], 2);
        var exact = Enumerable.Range(0, kinds.Count)
            .Where(i => ToLong(counts[2 * i + 1]) < 1000 || kinds[i].Kind == ColumnKind.Identifier)
            .ToList();
        var exactCounts = session.Aggregates(relation, [.. exact.Select(i => $"count(DISTINCT {ids[i]})")], batch: DuckDbSession.HashAggregatesPerQuery);
        var distinct = Enumerable.Range(0, kinds.Count).Select(i => ToLong(counts[2 * i + 1])).ToArray();
        for (var k = 0; k < exact.Count; k++)
        {
            distinct[exact[k]] = ToLong(exactCounts[k]);
        }

        var measured = kinds.Select((c, i) => c with { MissingCount = rowCount - ToLong(counts[2 * i]), DistinctCount = distinct[i] }).ToList();
        return new DatasetSchema(measured, rowCount);
    }

    /// <summary>
    /// The kind and stored expression of a number or date column whose counts were taken while reading it
    /// (<see cref="Data.FrameColumnSink"/>): the same decision <see cref="Infer"/> makes from SQL counts.
    /// </summary>
    public static Inferred Decide(string name, string type, long rowCount, long nonNull, long distinct, bool consecutive) =>
        Decide(new Facts(name, type.ToUpperInvariant()) { NonNull = nonNull, Distinct = distinct, Consecutive = consecutive }, rowCount);

    /// <summary>Near-unique integers and text may be identifiers, which needs their exact distinct count.</summary>
    public static bool MayBeIdentifier(string type, long nonNull, long approxDistinct) =>
        approxDistinct >= nonNull * 9 / 10 && (IsInteger(type.ToUpperInvariant()) || string.Equals(type, "VARCHAR", StringComparison.OrdinalIgnoreCase));

    /// <summary>Unique integers spanning max − min + 1 = count are a row number.</summary>
    public static bool IsConsecutive(double range, long nonNull) => Math.Abs(range + 1 - nonNull) < 0.5;

    /// <summary>Runs <paramref name="expression"/> (<paramref name="width"/> aggregates) for every column in batched scans.</summary>
    private static void Measure(DuckDbSession session, string relation, List<Facts> columns, Func<Facts, string> expression, Action<Facts, object?[]> store, int width, int? batch = null)
    {
        if (columns.Count == 0)
        {
            return;
        }

        var values = session.Aggregates(relation, [.. columns.Select(expression)], width, batch);
        for (var i = 0; i < columns.Count; i++)
        {
            store(columns[i], values[(i * width)..((i + 1) * width)]);
        }
    }

    private static void Measure(DuckDbSession session, string relation, List<Facts> columns, Func<Facts, string> expression, Action<Facts, object?> store, int? batch = null) =>
        Measure(session, relation, columns, expression, (c, v) => store(c, v[0]), 1, batch);

    private static long ToLong(object? value) => value is null ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static Inferred Decide(Facts c, long rowCount)
    {
        var (name, type, id) = (c.Name, c.Type, c.Id);
        var missing = rowCount - c.NonNull;
        var unique = c.Unique;

        ColumnSchema Column(ColumnKind kind) => new(name, kind, type, missing, c.Distinct);

        if (IsInteger(type))
        {
            if (unique && (LooksLikeIdName(name) || c.Consecutive))
            {
                return new(Column(ColumnKind.Identifier), $"CAST({id} AS VARCHAR)", "VARCHAR");
            }

            return new(Column(ColumnKind.Numeric), $"CAST({id} AS DOUBLE)", "DOUBLE");
        }

        if (IsFloating(type))
        {
            return new(Column(ColumnKind.Numeric), $"CAST({id} AS DOUBLE)", "DOUBLE");
        }

        if (type == "BOOLEAN")
        {
            return new(Column(ColumnKind.Boolean), $"CAST({id} AS VARCHAR)", "VARCHAR");
        }

        if (type.StartsWith("DATE", StringComparison.Ordinal) || type.StartsWith("TIMESTAMP", StringComparison.Ordinal))
        {
            return new(Column(ColumnKind.Datetime), $"CAST({id} AS TIMESTAMP)", "TIMESTAMP");
        }

        if (type != "VARCHAR")
        {
            // Lists, structs, blobs: kept as their text so nothing is lost; modelled as text.
            return new(Column(ColumnKind.Text), $"CAST({id} AS VARCHAR)", "VARCHAR");
        }

        if (c.NonNull == 0)
        {
            return new(Column(ColumnKind.Categorical), id, "VARCHAR");
        }

        var stats = c.Text!;
        var filled = ToLong(stats[0]);
        var asNumber = ToLong(stats[1]);
        var asTime = ToLong(stats[2]);
        var avgLength = stats[3] is null ? 0 : Convert.ToDouble(stats[3], CultureInfo.InvariantCulture);
        var avgSpaces = stats[4] is null ? 0 : Convert.ToDouble(stats[4], CultureInfo.InvariantCulture);
        var booleanWords = stats[5] is true;

        if (filled > 0 && asNumber >= filled * 0.98)
        {
            return new(new ColumnSchema(name, ColumnKind.Numeric, type, rowCount - asNumber, c.NumericDistinct), $"TRY_CAST(trim({id}) AS DOUBLE)", "DOUBLE");
        }

        if (filled > 0 && asTime >= filled * 0.98)
        {
            return new(Column(ColumnKind.Datetime), $"TRY_CAST({id} AS TIMESTAMP)", "TIMESTAMP");
        }

        if (c.Distinct <= 2 && booleanWords)
        {
            return new(Column(ColumnKind.Boolean), id, "VARCHAR");
        }

        var manyValues = c.Distinct >= c.NonNull * 0.5 && c.NonNull >= MinRowsForIdentifier;
        if (manyValues && avgSpaces >= 2 && avgLength >= 15)
        {
            return new(Column(ColumnKind.Text), id, "VARCHAR");
        }

        if (unique)
        {
            return new(Column(ColumnKind.Identifier), id, "VARCHAR");
        }

        return new(Column(ColumnKind.Categorical), id, "VARCHAR");
    }

    private static bool IsInteger(string type) =>
        type is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT";

    private static bool IsFloating(string type) =>
        type is "FLOAT" or "DOUBLE" or "REAL" || type.StartsWith("DECIMAL", StringComparison.Ordinal);

    private static bool LooksLikeIdName(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower is "id" or "key" or "index" or "uuid" || lower.EndsWith("_id", StringComparison.Ordinal) || lower.EndsWith("id", StringComparison.Ordinal) && name.Length > 2 && char.IsUpper(name[^2]);
    }

    /// <summary>What the batched scans learned about one column.</summary>
    private sealed class Facts(string name, string type)
    {
        public string Name { get; } = name;

        public string Type { get; } = type;

        public string Id { get; } = DuckDbSession.Identifier(name);

        public long NonNull { get; set; }

        public long Distinct { get; set; }

        public bool Consecutive { get; set; }

        public long NumericDistinct { get; set; }

        /// <summary>For VARCHAR: filled count, parsed as number, parsed as timestamp, average length, average spaces, all boolean words.</summary>
        public object?[]? Text { get; set; }

        public bool CandidateIdentifier => MayBeIdentifier(Type, NonNull, Distinct);

        public bool Unique => NonNull >= MinRowsForIdentifier && Distinct == NonNull;

        public bool LooksNumeric => Text is { } t && ToLong(t[0]) > 0 && ToLong(t[1]) >= ToLong(t[0]) * 0.98;
    }
}
