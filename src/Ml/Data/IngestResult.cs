using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Data;

/// <summary>What an ingest produced: the processed Parquet and what is in it.</summary>
public sealed record IngestResult(string ParquetPath, long RowCount, DatasetSchema Schema, TimeSpan Elapsed);
