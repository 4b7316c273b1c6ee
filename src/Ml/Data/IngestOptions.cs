namespace AutoMl.Ml.Data;

/// <summary>How DuckDB may use the machine while reading an upload.</summary>
public sealed record IngestOptions
{
    /// <summary>DuckDB memory_limit, e.g. "1GB"; above it DuckDB spills to <see cref="TempDirectory"/>.</summary>
    public string MemoryLimit { get; init; } = "1GB";

    /// <summary>Spill folder; defaults to a folder under the system temp path.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>DuckDB max_temp_directory_size: past it a query fails instead of filling the disk with spill.</summary>
    public string MaxTempDirectorySize { get; init; } = "8GB";

    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Overrides the format guessed from the file name and its first bytes.</summary>
    public SourceFormat? Format { get; init; }

    /// <summary>Lets plain numeric CSVs take <see cref="NumericCsvParser"/>; off, DuckDB parses every file (tests compare the two).</summary>
    internal bool NumericParser { get; init; } = true;

    /// <summary>How much of the file one parser task takes; tests make it small to cross many segment joins.</summary>
    internal long ParserSegmentBytes { get; init; } = 16 << 20;

    public static IngestOptions Default { get; } = new();
}
