using System.Diagnostics;
using System.Globalization;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Data;
using DuckDB.NET.Data;

namespace AutoMl.Bench.Engine;

/// <summary>
/// CSV → processed Parquet → column store, timed against DuckDB's own count(*) over the same file,
/// with the process's peak working set.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var input = options.Required("input");
        var memoryLimit = options.Optional("memory-limit") ?? "1GB";
        var size = new FileInfo(input).Length;

        var count = Stopwatch.StartNew();
        long rows;
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SET memory_limit = '{memoryLimit}'; SELECT count(*) FROM read_csv('{input.Replace("'", "''", StringComparison.Ordinal)}')";
            rows = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        count.Stop();

        var work = Path.Combine(Path.GetTempPath(), "automl-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var ours = Stopwatch.StartNew();
            var parquet = Path.Combine(work, "processed.parquet");
            var ingest = await TabularReader.IngestAsync(input, parquet, new IngestOptions { MemoryLimit = memoryLimit });
            var toParquet = ours.Elapsed;
            var frame = await ProcessedParquet.LoadAsync(parquet);
            ours.Stop();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"file {Path.GetFileName(input)}: {size / 1e9:0.00} GB, {rows:N0} rows, {frame.Columns.Count} columns loaded"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duckdb count(*):           {count.Elapsed.TotalSeconds,8:0.00} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ours CSV → training frame:  {ours.Elapsed.TotalSeconds,8:0.00} s  ({ours.Elapsed.TotalSeconds / count.Elapsed.TotalSeconds:0.0}× count; CSV→Parquet {toParquet.TotalSeconds:0.00} s, Parquet→frame {(ours.Elapsed - toParquet).TotalSeconds:0.00} s)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set:           {process.PeakWorkingSet64 / 1073741824.0,8:0.00} GiB"));
            GC.KeepAlive(frame);
            GC.KeepAlive(ingest);
            return 0;
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }
}
