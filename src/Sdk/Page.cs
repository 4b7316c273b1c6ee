namespace AutoMl.Sdk;

/// <summary>One page of a list, newest first.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Items { get; init; } = [];

    /// <summary>Pass this as the cursor to get the next page; null on the last page.</summary>
    public string? NextCursor { get; init; }
}
