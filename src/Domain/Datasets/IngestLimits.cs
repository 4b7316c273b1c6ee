using AutoMl.Domain.Accounts;

namespace AutoMl.Domain.Datasets;

/// <summary>
/// How much a tier's upload may expand to when read: a Parquet file compresses 100× or more (a constant column of
/// millions of rows weighs kilobytes), so the upload limit alone does not bound the disk, memory and time of its
/// ingest. The footer's row count, cell count and uncompressed size are checked against these before any row is read,
/// and DuckDB's spill folder is capped at <see cref="MaxTempBytes"/>.
/// </summary>
public sealed record IngestLimits(long MaxRows, long MaxCells, long MaxUncompressedBytes, long MaxTempBytes)
{
    private const long GiB = 1024L * 1024 * 1024;

    public static IngestLimits For(Tier tier) => tier switch
    {
        Tier.Free => new(20_000_000, 200_000_000, 8 * GiB, 4 * GiB),
        Tier.Pro => new(200_000_000, 2_000_000_000, 64 * GiB, 16 * GiB),
        Tier.Enterprise => new(1_000_000_000, 10_000_000_000, 256 * GiB, 32 * GiB),
    };
}
