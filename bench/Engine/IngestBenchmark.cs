using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Data;
using DuckDB.NET.Data;

namespace AutoMl.Bench.Engine;

/// <summary>
/// CSV → training frame, timed against DuckDB's own count(*) over the same file with the same DuckDB settings,
/// measured in the same run (alternating, so both see the same machine load), with the peak working set.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var input = options.Required("input");
        var memoryLimit = options.Optional("memory-limit") ?? "1GB";
        var repeat = (int)options.Number("repeat", 1);
        var stored = options.Optional("stored") is not null;
        var ingestOptions = new IngestOptions { MemoryLimit = memoryLimit };
        var size = new FileInfo(input).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"file {Path.GetFileName(input)}: {size / 1e9:0.00} GB; DuckDB memory_limit {memoryLimit}, threads {ingestOptions.Threads}; load average {LoadAverage()}"));

        var best = double.PositiveInfinity;
        var peak = 0.0;
        var firstFramePeak = 0.0;
        for (var run = 1; run <= repeat; run++)
        {
            // The previous run's frames are garbage by now; collected, they do not add to this run's peak.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, true, true);
            var (count, rows) = Count(input, ingestOptions);
            var work = Path.Combine(Path.GetTempPath(), "automl-ingest-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(work);
            try
            {
                var watch = Stopwatch.StartNew();
                FrameRead? read = await TabularReader.ReadFrameAsync(input, Path.Combine(work, "processed.parquet"), ingestOptions);
                var frame = watch.Elapsed;
                var peakAtFrame = PeakGiB();
                firstFramePeak = run == 1 ? peakAtFrame : firstFramePeak;
                var ingest = await read.Processed;
                var processed = watch.Elapsed;
                peak = Math.Max(peak, PeakGiB());
                var ratio = frame.TotalSeconds / count.TotalSeconds;
                best = Math.Min(best, ratio);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: duckdb count(*) {count.TotalSeconds:0.00} s ({rows:N0} rows) | ours CSV → training frame {frame.TotalSeconds:0.00} s = {ratio:0.00}× count ({(read.Parsed ? "our parser" : read.Direct ? "DuckDB vectors" : "via processed Parquet")}, {read.Frame.Columns.Count} columns, process peak so far {peakAtFrame:0.00} GiB) | processed Parquet (written after the frame) done at {processed.TotalSeconds:0.00} s, {new FileInfo(ingest.ParquetPath).Length / 1e6:0} MB"));
                read = null;
                if (stored)
                {
                    // What a training job does with a data set ingested earlier: the stored file into the frame.
                    watch.Restart();
                    var loaded = await ProcessedParquet.LoadAsync(ingest.ParquetPath);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"       stored processed Parquet → training frame {watch.Elapsed.TotalSeconds:0.00} s ({loaded.Columns.Count} columns)"));
                }

            }
            finally
            {
                Directory.Delete(work, true);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best ratio {best:0.00}× count(*); peak working set {firstFramePeak:0.00} GiB from the CSV to the frame (run 1, a fresh process), {peak:0.00} GiB for the whole benchmark process (every run, the processed Parquet{(stored ? " and the stored-file reads" : string.Empty)} included); load average {LoadAverage()}"));
        return 0;
    }

    private static double PeakGiB()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1073741824.0;
    }

    private static (TimeSpan Elapsed, long Rows) Count(string input, IngestOptions options)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var temp = Path.Combine(Path.GetTempPath(), "automl-duckdb");
        Directory.CreateDirectory(temp);
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"SET memory_limit = '{options.MemoryLimit}'; SET temp_directory = '{temp}'; SET threads = {options.Threads}; SET preserve_insertion_order = true; ") +
            $"SELECT count(*) FROM read_csv('{input.Replace("'", "''", StringComparison.Ordinal)}')";
        var rows = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        return (watch.Elapsed, rows);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
