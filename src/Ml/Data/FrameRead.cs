using AutoMl.Ml.Columns;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Data;

/// <summary>
/// What <see cref="TabularReader.ReadFrameAsync"/> produced: the column store, ready when this returns
/// (<see cref="FrameElapsed"/> after the call), and the processed Parquet, which may still be being written:
/// await <see cref="Processed"/> before using or storing the file. <see cref="Direct"/> is true when the CSV was
/// parsed straight into the frame (numbers and dates only).
/// </summary>
public sealed record FrameRead(ColumnFrame Frame, DatasetSchema Schema, bool Direct, TimeSpan FrameElapsed, Task<IngestResult> Processed)
{
    /// <summary>True when our own numbers parser read the file (ADR 0003); false when DuckDB did.</summary>
    public bool Parsed { get; init; }
}
