namespace AutoMl.Sdk;

/// <summary>What to create: a registered model's name and, optionally, what it is for.</summary>
public sealed class NewRegisteredModel
{
    /// <summary>Unique in the account: lower-case letters, digits and dashes, starting with a letter. It never changes.</summary>
    public required string Name { get; init; }

    /// <summary>What it is for (at most 2,000 characters).</summary>
    public string? Description { get; init; }

    /// <summary>Up to 20 tags; the list's search finds them.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>binary, multiclass or regression; null to let the first version set it.</summary>
    public string? Task { get; init; }

    /// <summary>The column its versions are to predict; null to let the first version set it.</summary>
    public string? Target { get; init; }
}
