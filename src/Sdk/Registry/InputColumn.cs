namespace AutoMl.Sdk;

/// <summary>A column a model reads, with the kind of value it expects.</summary>
public sealed class InputColumn
{
    /// <summary>The column's name, as a prediction row names it.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The kind of value, e.g. numeric or categorical.</summary>
    public string Kind { get; init; } = string.Empty;
}
