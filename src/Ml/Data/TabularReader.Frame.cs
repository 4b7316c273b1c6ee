using System.Diagnostics;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Data;

public static partial class TabularReader
{
    // The types DuckDB's sniffer gives a CSV column (BOOLEAN is never a candidate), less VARCHAR.
    private static readonly HashSet<string> DirectTypes = new(StringComparer.OrdinalIgnoreCase) { "BIGINT", "DOUBLE", "DATE", "TIMESTAMP" };

    /// <summary>
    /// Reads an upload into the column store (all columns but identifiers) and writes our processed Parquet.
    /// A CSV whose columns are all numbers and dates is parsed once, straight into the column arrays, with the counts
    /// schema inference needs taken on the way; the processed Parquet is then written from a second DuckDB pass in
    /// the background (<see cref="FrameRead.Processed"/>). Other files take <see cref="IngestAsync"/> then
    /// <see cref="ProcessedParquet.LoadAsync"/>. Either way the frame and schema equal what those two give.
    /// </summary>
    public static Task<FrameRead> ReadFrameAsync(string inputPath, string outputParquetPath, IngestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        ArgumentNullException.ThrowIfNull(outputParquetPath);
        options ??= IngestOptions.Default;
        return Task.Run(() => ReadFrame(inputPath, outputParquetPath, options, cancellationToken), cancellationToken);
    }

    private static async Task<FrameRead> ReadFrame(string inputPath, string outputParquetPath, IngestOptions options, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var fileName = Path.GetFileName(inputPath);
        var session = new DuckDbSession(options, [inputPath, outputParquetPath]);
        var handedOver = false;
        try
        {
            var relation = OpenSource(session, inputPath, options, out var columns, out var csvDelimiter);
            if (csvDelimiter is not { } delimiter || !columns.All(c => DirectTypes.Contains(c.Type)))
            {
                session.Dispose();
                handedOver = true;
                var ingest = await IngestAsync(inputPath, outputParquetPath, options, ct).ConfigureAwait(false);
                var loaded = await ProcessedParquet.LoadAsync(ingest.ParquetPath, cancellationToken: ct).ConfigureAwait(false);
                return new FrameRead(loaded, ingest.Schema, false, watch.Elapsed, Task.FromResult(ingest));
            }

            var sinks = NewSinks(columns);
            var rows = options.NumericParser ? TryParse(inputPath, delimiter, sinks, options, ct) ?? -1 : -1;
            var parsed = rows >= 0;
            Trace(rows >= 0 ? "parsed" : "not parsed", watch);
            if (rows < 0)
            {
                sinks = NewSinks(columns);
                var select = string.Join(", ", columns.Select(c => $"CAST({DuckDbSession.Identifier(c.Name)} AS {(IsBigint(c.Type) ? "BIGINT" : IsDouble(c.Type) ? "DOUBLE" : "TIMESTAMP")})"));
                rows = DuckDbColumnStream.Read(session.Connection, $"SELECT {select} FROM {relation}", sinks, fileName, ct);
                Trace("direct read", watch);
            }

            if (rows == 0)
            {
                throw new DataFormatException($"{fileName} has a header but no rows.", fileName, null, null);
            }

            var inferred = columns.Select((c, i) => Decide(c.Name, c.Type, sinks[i], rows)).ToList();
            var schema = new DatasetSchema([.. inferred.Select(i => i.Column)], rows);
            var kept = Enumerable.Range(0, sinks.Count).Where(i => inferred[i].Column.Kind != ColumnKind.Identifier).ToList();
            var frameColumns = new FrameColumn[kept.Count];
            Parallel.For(0, kept.Count, new ParallelOptions { CancellationToken = ct }, k => frameColumns[k] = sinks[kept[k]].ToColumn());
            sinks.Clear();
            var frame = new ColumnFrame(frameColumns, checked((int)rows));
            var frameElapsed = watch.Elapsed;
            Trace("frame", watch);

            // The frame is what training waits for; the stored copy is written after it, from the same sniffed relation.
            var query = $"SELECT {string.Join(", ", inferred.Select(i => $"{i.Expression} AS {DuckDbSession.Identifier(i.Column.Name)}"))} FROM {relation}";
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputParquetPath))!);
            var processed = Task.Run(() =>
            {
                using (session)
                {
                    ct.ThrowIfCancellationRequested();
                    Run(() => WriteProcessed(session, query, outputParquetPath, schema), fileName);
                    Trace("processed copy", watch);
                    return new IngestResult(outputParquetPath, rows, schema, watch.Elapsed);
                }
            }, ct);
            handedOver = true;
            return new FrameRead(frame, schema, true, frameElapsed, processed) { Parsed = parsed };
        }
        finally
        {
            if (!handedOver)
            {
                session.Dispose();
            }
        }
    }

    private static List<FrameColumnSink> NewSinks(List<(string Name, string Type)> columns) =>
        [.. columns.Select(c => new FrameColumnSink(c.Name, IsBigint(c.Type), !IsDouble(c.Type) && !IsBigint(c.Type)))];

    /// <summary>Numbers-only CSVs with '.' decimals go through <see cref="NumericCsvParser"/>; null when it cannot read the file.</summary>
    private static long? TryParse(string inputPath, char delimiter, List<FrameColumnSink> sinks, IngestOptions options, CancellationToken ct) =>
        // Semicolon files are read with decimal commas (CsvRelation); a field the parser cannot place gives the file back to DuckDB.
        delimiter == ';' ? null : NumericCsvParser.TryRead(inputPath, (byte)delimiter, sinks, options.Threads, options.ParserSegmentBytes, ct);

    private static SchemaInference.Inferred Decide(string name, string type, FrameColumnSink sink, long rows)
    {
        var counts = sink.Counts;
        var distinct = counts.Distinct.Count;
        var consecutive = false;
        if (sink.Integer && SchemaInference.MayBeIdentifier(type, counts.NonNull, distinct))
        {
            distinct = sink.ExactIntegerDistinct();
            consecutive = SchemaInference.IsConsecutive(counts.Max - counts.Min, counts.NonNull);
        }

        return SchemaInference.Decide(name, type, rows, counts.NonNull, distinct, consecutive);
    }

    private static bool IsBigint(string type) => string.Equals(type, "BIGINT", StringComparison.OrdinalIgnoreCase);

    private static bool IsDouble(string type) => string.Equals(type, "DOUBLE", StringComparison.OrdinalIgnoreCase);
}
