using System.Globalization;
using System.Text.Json;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Data;
using AutoMl.Ml.Schema;
using AutoMl.Ml.Serialization;
using AutoMl.Ml.Training;

namespace AutoMl.Ml.Evaluation;

/// <summary>How to set aside the rows a candidate and a champion are compared on.</summary>
/// <param name="Target">The column predicted; classification holdouts keep enough rows of every class.</param>
/// <param name="TimeColumn">When set, the holdout is the newest rows by this column.</param>
/// <param name="ChampionData">The processed Parquet the champion trained on; without a time column its rows are never held out.</param>
public sealed record HoldoutPlan(string Target, bool Classification, string? TimeColumn, string? ChampionData)
{
    /// <summary>The rows of <see cref="ChampionData"/> the champion's own run held out: it never trained on them.</summary>
    public string? ChampionHeldOut { get; init; }

    public double Fraction { get; init; } = 0.2;

    public int MinimumRows { get; init; } = 500;

    public int MinimumPerClass { get; init; } = 50;
}

/// <summary>What was held out: how, how many rows, and (for a time split) from which moment.</summary>
public sealed record HoldoutSummary(string Method, long HoldoutRows, long TrainRows, string? Column, string? From, string Description);

/// <summary>
/// Splits a processed Parquet into the rows a workflow's candidate trains on and the rows it and the champion are both
/// scored on, neither having trained on them: the newest slice by a time column (the last 20%, at least 500 rows and
/// 50 of each class, never over half), or else a stratified 20% of the rows the champion did not train on. Rows are
/// picked by a hash of their content, so the same file always splits the same way.
/// </summary>
public static class HoldoutSplit
{
    public const string TimeMethod = "newest-rows";
    public const string NovelMethod = "stratified-new-rows";

    public static async Task<HoldoutSummary> SplitAsync(string input, string trainOut, string holdoutOut, HoldoutPlan plan, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var schema = await ProcessedParquet.ReadSchemaAsync(input, ct).ConfigureAwait(false);
        DatasetSchema? championSchema = plan.ChampionData is null ? null : await ProcessedParquet.ReadSchemaAsync(plan.ChampionData, ct).ConfigureAwait(false);
        if (schema.Find(plan.Target) is null)
        {
            throw new DataException($"The new data has no column '{plan.Target}' to predict.");
        }
        if (plan.TimeColumn is { } t && schema.Find(t) is null)
        {
            throw new DataException($"The new data has no time column '{t}' to take the newest rows by.");
        }

        List<string> files = [input, trainOut, holdoutOut];
        if (plan.ChampionData is not null)
        {
            files.Add(plan.ChampionData);
        }
        if (plan.ChampionHeldOut is not null)
        {
            files.Add(plan.ChampionHeldOut);
        }
        using var session = new DuckDbSession(IngestOptions.Default with { Threads = 2 }, files);
        var all = $"read_parquet({DuckDbSession.Quote(input)})";
        var rowHash = RowHash(schema.Columns.Select(c => c.Name));
        var target = DuckDbSession.Identifier(plan.Target);
        var n = Convert.ToInt64(session.Scalar($"SELECT count(*) FROM {all}"), CultureInfo.InvariantCulture);
        var half = n / 2;
        string method;
        string description;
        string? from = null;
        if (plan.TimeColumn is { } timeColumn)
        {
            var time = DuckDbSession.Identifier(timeColumn);
            session.Execute($"CREATE TEMP TABLE ranked AS SELECT *, row_number() OVER (ORDER BY {time} DESC NULLS LAST, {rowHash}) AS __rank, "
                + $"row_number() OVER (PARTITION BY {target} ORDER BY {time} DESC NULLS LAST, {rowHash}) AS __class_rank FROM {all}");
            var k = Math.Max((long)Math.Ceiling(plan.Fraction * n), Math.Min(plan.MinimumRows, half));
            if (plan.Classification)
            {
                // The rank of each class's k-th newest row: taking rows down to it gives that class its minimum.
                var needed = Convert.ToInt64(session.Scalar(
                    $"SELECT coalesce(max(__rank), 0) FROM ranked WHERE __class_rank = {plan.MinimumPerClass} AND {target} IS NOT NULL"), CultureInfo.InvariantCulture);
                k = Math.Max(k, needed);
            }
            k = Math.Min(k, half);
            session.Execute($"CREATE TEMP TABLE holdout AS SELECT * EXCLUDE (__rank, __class_rank) FROM ranked WHERE __rank <= {k}");
            session.Execute($"CREATE TEMP TABLE train AS SELECT * EXCLUDE (__rank, __class_rank) FROM ranked WHERE __rank > {k}");
            from = session.Scalar($"SELECT min({time})::VARCHAR FROM holdout") as string;
            method = TimeMethod;
            description = $"The newest {k:N0} of {n:N0} rows by '{timeColumn}'{(from is null ? "" : $" (from {from})")}; the candidate trained on the rest.";
        }
        else
        {
            var novel = all;
            var excluded = 0L;
            if (plan.ChampionData is { } old && championSchema is not null)
            {
                var common = schema.Columns.Select(c => c.Name).Where(c => championSchema.Find(c) is not null).ToList();
                var hash = RowHash(common);
                var heldOut = plan.ChampionHeldOut is { } heldPath
                    ? $" WHERE {hash} NOT IN (SELECT {hash} FROM read_parquet({DuckDbSession.Quote(heldPath)}))"
                    : "";
                session.Execute($"CREATE TEMP TABLE seen AS SELECT DISTINCT {hash} AS h FROM read_parquet({DuckDbSession.Quote(old)}){heldOut}");
                session.Execute($"CREATE TEMP TABLE novel AS SELECT * FROM {all} WHERE {hash} NOT IN (SELECT h FROM seen)");
                novel = "novel";
                excluded = n - Convert.ToInt64(session.Scalar("SELECT count(*) FROM novel"), CultureInfo.InvariantCulture);
            }
            var m = n - excluded;
            var fraction = m == 0 ? 0 : Math.Min(0.5, Math.Max(plan.Fraction, (double)plan.MinimumRows / m));
            var perClass = plan.Classification ? plan.MinimumPerClass : 0;
            var partition = plan.Classification ? $"PARTITION BY {target}" : "";
            session.Execute($"CREATE TEMP TABLE picked AS SELECT {rowHash} AS __h, row_number() OVER ({partition} ORDER BY {rowHash}) AS __r, "
                + $"count(*) OVER ({partition}) AS __c FROM {novel}");
            session.Execute($"CREATE TEMP TABLE chosen AS SELECT DISTINCT __h FROM picked "
                + $"WHERE __r <= greatest(ceil({fraction.ToString(CultureInfo.InvariantCulture)} * __c), least({perClass}, __c // 2))");
            session.Execute($"CREATE TEMP TABLE holdout AS SELECT * FROM {novel} WHERE {rowHash} IN (SELECT __h FROM chosen)");
            session.Execute($"CREATE TEMP TABLE train AS SELECT * FROM {all} WHERE {rowHash} NOT IN (SELECT __h FROM chosen)");
            method = NovelMethod;
            var held = Count(session, "holdout");
            description = excluded > 0
                ? $"A stratified {held:N0} of the {m:N0} rows the model holding production did not train on ({excluded:N0} of the {n:N0} rows it did); the candidate trained on the rest."
                : $"A stratified {held:N0} of {n:N0} rows; the candidate trained on the rest.";
        }

        var holdoutRows = Count(session, "holdout");
        var trainRows = Count(session, "train");
        Write(session, "holdout", holdoutOut, schema with { RowCount = holdoutRows });
        Write(session, "train", trainOut, schema with { RowCount = trainRows });
        return new HoldoutSummary(method, holdoutRows, trainRows, plan.TimeColumn, from, description);
    }

    /// <summary>A row's identity by its cells: equal rows of two files hash alike whatever their order.</summary>
    private static string RowHash(IEnumerable<string> columns) =>
        $"hash(struct_pack({string.Join(", ", columns.Select((c, i) => $"c{i} := {DuckDbSession.Identifier(c)}"))}))";

    private static long Count(DuckDbSession session, string table) =>
        Convert.ToInt64(session.Scalar($"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture);

    private static void Write(DuckDbSession session, string table, string path, DatasetSchema schema)
    {
        var metadata = DuckDbSession.Quote(JsonSerializer.Serialize(schema, MlJson.Options));
        session.Execute($"COPY {table} TO {DuckDbSession.Quote(path)} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, KV_METADATA {{{TabularReader.SchemaMetadataKey}: {metadata}}})");
    }
}
