using AutoMl.Infrastructure.Datasets;

namespace AutoMl.Api.Datasets;

/// <summary>How a version's columns differ from the version it is compared with.</summary>
/// <param name="ComparedWithVersion">The latest earlier version that was ingested: a failed or unfinished version has no columns to compare.</param>
public sealed record SchemaChanges(
    int ComparedWithVersion,
    IReadOnlyList<SchemaColumn> Added,
    IReadOnlyList<SchemaColumn> Removed,
    IReadOnlyList<RetypedColumn> Retyped)
{
    public static SchemaChanges Between(int comparedWith, IReadOnlyList<DatasetColumn> before, IReadOnlyList<DatasetColumn> after)
    {
        var old = before.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        var now = after.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        return new SchemaChanges(
            comparedWith,
            after.Where(c => !old.ContainsKey(c.Name)).Select(c => new SchemaColumn(c.Name, c.Type)).ToList(),
            before.Where(c => !now.ContainsKey(c.Name)).Select(c => new SchemaColumn(c.Name, c.Type)).ToList(),
            after.Where(c => old.TryGetValue(c.Name, out var was) && was != c.Type).Select(c => new RetypedColumn(c.Name, old[c.Name], c.Type)).ToList());
    }
}

public sealed record SchemaColumn(string Name, string Type);

public sealed record RetypedColumn(string Name, string From, string To);
