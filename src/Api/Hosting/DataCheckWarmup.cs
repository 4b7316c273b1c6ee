using AutoMl.Infrastructure.Blobs;
using AutoMl.Ml.Data;
using AutoMl.Ml.Profiling;
using AutoMl.Ml.Schema;

namespace AutoMl.Api.Hosting;

/// <summary>
/// The data checks a submission runs for a target other than the suggested one (<see cref="Datasets.DatasetTargetChecks"/>):
/// the object store's client, DuckDB's native library and the leakage screen, run once by a starting instance on a
/// small sample of its own. The first of them in a process cost a submission most of its 0.3-0.5 s (issue 31).
/// </summary>
internal static class DataCheckWarmup
{
    public static async Task RunAsync(IBlobStore blobs, CancellationToken ct)
    {
        // A key no data set has: one round trip that builds the store's client (an S3 client's first request is its slowest).
        await blobs.SizeAsync($"startup/{Guid.NewGuid():N}", ct);
        var folder = Directory.CreateTempSubdirectory("automl-warmup-");
        try
        {
            var sample = Path.Combine(folder.FullName, "sample.parquet");
            await Task.Run(() =>
            {
                using (var connection = DuckDbSandbox.Open([sample], IngestOptions.Default))
                using (var command = connection.CreateCommand())
                {
                    command.CommandText = $"COPY (SELECT i::DOUBLE AS x, CASE WHEN i % 2 = 0 THEN 'yes' ELSE 'no' END AS label FROM range(100) t(i)) TO '{sample.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
                    command.ExecuteNonQuery();
                }
                DataChecks.OfTarget(sample, Columns, "label", TaskKind.Binary, ct);
            }, ct);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static readonly ColumnProfile[] Columns =
    [
        new("x", ColumnKind.Numeric, 0, 100, 0, 99, 49.5, 29, [], [], []),
        new("label", ColumnKind.Categorical, 0, 2, null, null, null, null, [], [new("yes", 50), new("no", 50)], []),
    ];
}
