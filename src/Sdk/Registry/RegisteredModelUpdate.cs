namespace AutoMl.Sdk;

/// <summary>What to change about a registered model; a property left null stays as it is.</summary>
public sealed class RegisteredModelUpdate
{
    /// <summary>The new description; an empty string removes it.</summary>
    public string? Description { get; init; }

    /// <summary>The new tags, replacing the old; an empty list removes them all.</summary>
    public IReadOnlyList<string>? Tags { get; init; }
}
