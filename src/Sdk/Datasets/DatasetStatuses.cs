namespace AutoMl.Sdk;

/// <summary>The values of <see cref="Dataset.Status"/>.</summary>
public static class DatasetStatuses
{
    /// <summary>Parts are still being uploaded.</summary>
    public const string Uploading = "uploading";

    /// <summary>The file is being read and profiled.</summary>
    public const string Ingesting = "ingesting";

    /// <summary>Ready to train on.</summary>
    public const string Ready = "ready";

    /// <summary>The file could not be read; see <see cref="Dataset.Error"/>.</summary>
    public const string Failed = "failed";
}
