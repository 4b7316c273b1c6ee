namespace AutoMl.Sdk;

/// <summary>A small public data set the platform bundles, which anyone can copy into their account to try training.</summary>
public sealed class SampleDataset
{
    /// <summary>The name to pass to <see cref="DatasetsClient.CreateFromSampleAsync"/>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>A human name for the sample.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>What the table holds and what is predicted.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Rows in the file.</summary>
    public long Rows { get; init; }

    /// <summary>Columns in the file, the target included.</summary>
    public int Columns { get; init; }

    /// <summary>The column to predict.</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>binary, multiclass or regression.</summary>
    public string Task { get; init; } = string.Empty;
}
