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
        var columns = session.Describe(relation);

        // One scan for every column's counts; exact distinct counts only where they decide something.
        var aggregates = string.Join(", ", columns.Select(c => $"count({DuckDbSession.Identifier(c.Name)}), approx_count_distinct({DuckDbSession.Identifier(c.Name)})"));
        var counts = session.Rows($"SELECT {aggregates} FROM {relation}")[0];
        var result = new List<Inferred>();
        for (var i = 0; i < columns.Count; i++)
        {
            var nonNull = Convert.ToInt64(counts[2 * i], CultureInfo.InvariantCulture);
            var approxDistinct = Convert.ToInt64(counts[2 * i + 1], CultureInfo.InvariantCulture);
            result.Add(InferOne(session, relation, columns[i].Name, columns[i].Type.ToUpperInvariant(), rowCount, nonNull, approxDistinct));
        }

        return result;
    }

    /// <summary>Exact missing counts (and distinct counts, exact up to 1000) of the written columns, one scan.</summary>
    public static DatasetSchema Measure(DuckDbSession session, string relation, IReadOnlyList<ColumnSchema> kinds)
    {
        var aggregates = string.Join(", ", kinds.Select(c => $"count({DuckDbSession.Identifier(c.Name)}), approx_count_distinct({DuckDbSession.Identifier(c.Name)})"));
        var counts = session.Rows($"SELECT count(*), {aggregates} FROM {relation}")[0];
        var rowCount = Convert.ToInt64(counts[0], CultureInfo.InvariantCulture);
        var measured = new List<ColumnSchema>(kinds.Count);
        for (var i = 0; i < kinds.Count; i++)
        {
            var nonNull = Convert.ToInt64(counts[1 + 2 * i], CultureInfo.InvariantCulture);
            var distinct = Convert.ToInt64(counts[2 + 2 * i], CultureInfo.InvariantCulture);
            if (distinct < 1000 || kinds[i].Kind == ColumnKind.Identifier)
            {
                distinct = Convert.ToInt64(session.Scalar($"SELECT count(DISTINCT {DuckDbSession.Identifier(kinds[i].Name)}) FROM {relation}"), CultureInfo.InvariantCulture);
            }

            measured.Add(kinds[i] with { MissingCount = rowCount - nonNull, DistinctCount = distinct });
        }

        return new DatasetSchema(measured, rowCount);
    }

    private static Inferred InferOne(DuckDbSession session, string relation, string name, string type, long rowCount, long nonNull, long approxDistinct)
    {
        var id = DuckDbSession.Identifier(name);

        // Exact where it matters: small counts decide the task (20 classes or more), near-unique text and integers may be identifiers.
        var candidateIdentifier = approxDistinct >= nonNull * 9 / 10 && (IsInteger(type) || type == "VARCHAR");
        var distinct = approxDistinct < 1000 || candidateIdentifier
            ? Convert.ToInt64(session.Scalar($"SELECT count(DISTINCT {id}) FROM {relation}"), CultureInfo.InvariantCulture)
            : approxDistinct;
        var missing = rowCount - nonNull;
        var unique = nonNull >= MinRowsForIdentifier && distinct == nonNull;

        ColumnSchema Column(ColumnKind kind) => new(name, kind, type, missing, distinct);

        if (IsInteger(type))
        {
            if (unique && (LooksLikeIdName(name) || IsConsecutive(session, relation, id, nonNull)))
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

        if (nonNull == 0)
        {
            return new(Column(ColumnKind.Categorical), id, "VARCHAR");
        }

        var stats = session.Rows(
            $"SELECT count(TRY_CAST(trim({id}) AS DOUBLE)), count(TRY_CAST({id} AS TIMESTAMP)), avg(length({id})), " +
            $"avg(length({id}) - length(replace({id}, ' ', ''))) FROM {relation} WHERE {id} IS NOT NULL AND trim({id}) <> ''")[0];
        var blank = nonNull - Convert.ToInt64(session.Scalar($"SELECT count(*) FROM {relation} WHERE trim({id}) <> ''"), CultureInfo.InvariantCulture);
        var filled = nonNull - blank;
        var asNumber = Convert.ToInt64(stats[0], CultureInfo.InvariantCulture);
        var asTime = Convert.ToInt64(stats[1], CultureInfo.InvariantCulture);
        var avgLength = stats[2] is null ? 0 : Convert.ToDouble(stats[2], CultureInfo.InvariantCulture);
        var avgSpaces = stats[3] is null ? 0 : Convert.ToDouble(stats[3], CultureInfo.InvariantCulture);

        if (filled > 0 && asNumber >= filled * 0.98)
        {
            var numericDistinct = Convert.ToInt64(session.Scalar($"SELECT count(DISTINCT TRY_CAST(trim({id}) AS DOUBLE)) FROM {relation}"), CultureInfo.InvariantCulture);
            return new(new ColumnSchema(name, ColumnKind.Numeric, type, rowCount - asNumber, numericDistinct), $"TRY_CAST(trim({id}) AS DOUBLE)", "DOUBLE");
        }

        if (filled > 0 && asTime >= filled * 0.98)
        {
            return new(Column(ColumnKind.Datetime), $"TRY_CAST({id} AS TIMESTAMP)", "TIMESTAMP");
        }

        if (distinct <= 2 && IsBooleanWords(session, relation, id))
        {
            return new(Column(ColumnKind.Boolean), id, "VARCHAR");
        }

        var manyValues = distinct >= nonNull * 0.5 && nonNull >= MinRowsForIdentifier;
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

    private static bool IsConsecutive(DuckDbSession session, string relation, string id, long nonNull)
    {
        var row = session.Rows($"SELECT CAST(max({id}) AS DOUBLE) - CAST(min({id}) AS DOUBLE) FROM {relation}")[0];
        return row[0] is not null && Math.Abs(Convert.ToDouble(row[0], CultureInfo.InvariantCulture) + 1 - nonNull) < 0.5;
    }

    private static bool IsBooleanWords(DuckDbSession session, string relation, string id)
    {
        var values = session.Rows($"SELECT DISTINCT lower(trim({id})) FROM {relation} WHERE {id} IS NOT NULL");
        return values.Count > 0 && values.All(v => BooleanWords.Contains((string)v[0]!));
    }
}
