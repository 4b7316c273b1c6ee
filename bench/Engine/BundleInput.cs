using AutoMl.Ml.Bundle;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Data;

namespace AutoMl.Bench.Engine;

/// <summary>A CSV read as a bundle reads its input: ingested like an upload, with the bundle's input columns it has.</summary>
internal static class BundleInput
{
    public static async Task<ColumnFrame> LoadAsync(ModelBundle bundle, string csv)
    {
        var work = Path.Combine(Path.GetTempPath(), "automl-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var parquet = Path.Combine(work, "input.parquet");
            await TabularReader.IngestAsync(csv, parquet);
            var schema = await ProcessedParquet.ReadSchemaAsync(parquet);
            var needed = bundle.Manifest.InputColumns.Select(c => c.Name).Where(n => schema.Find(n) is not null).ToList();
            return await ProcessedParquet.LoadAsync(parquet, needed);
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }
}
