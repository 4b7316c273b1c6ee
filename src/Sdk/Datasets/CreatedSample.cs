namespace AutoMl.Sdk;

/// <summary>A sample copied into the account: the new data set and the column to train on.</summary>
public sealed class CreatedSample
{
    /// <summary>The new data set, usually still ingesting; see <see cref="DatasetsClient.WaitUntilSettledAsync"/>.</summary>
    public Dataset Dataset { get; init; } = new();

    /// <summary>The column to predict, to pass as <see cref="JobRequest.Target"/>.</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>The task that target asks for: binary, multiclass or regression.</summary>
    public string Task { get; init; } = string.Empty;
}
