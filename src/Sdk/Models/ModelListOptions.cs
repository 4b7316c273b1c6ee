namespace AutoMl.Sdk;

/// <summary>Filters, order and page of a model list; every filter is optional.</summary>
public sealed class ModelListOptions
{
    /// <summary>Only models of this task: binary, multiclass or regression.</summary>
    public string? Task { get; init; }

    /// <summary>Only models trained on this data set.</summary>
    public Guid? DatasetId { get; init; }

    /// <summary>Only models whose target or data set name contains this text (any case).</summary>
    public string? Search { get; init; }

    /// <summary>The order; newest first by default.</summary>
    public ModelSort Sort { get; init; } = ModelSort.Created;

    /// <summary>Oldest, worst or smallest first instead.</summary>
    public bool Ascending { get; init; }

    /// <summary>Models per page, 1 to 200; the API's default (50) when null.</summary>
    public int? PageSize { get; init; }

    /// <summary>The <see cref="Page{T}.NextCursor"/> of the previous page, with the same filters and order.</summary>
    public string? Cursor { get; init; }
}
