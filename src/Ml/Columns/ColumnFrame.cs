namespace AutoMl.Ml.Columns;

/// <summary>A table held column by column; no row objects.</summary>
public sealed class ColumnFrame
{
    private readonly Dictionary<string, FrameColumn> _byName;

    public ColumnFrame(IReadOnlyList<FrameColumn> columns, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns;
        RowCount = rowCount;
        _byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<FrameColumn> Columns { get; }

    public int RowCount { get; }

    public FrameColumn this[string name] =>
        _byName.TryGetValue(name, out var column) ? column : throw new KeyNotFoundException($"The data has no column named '{name}'.");

    public bool Contains(string name) => _byName.ContainsKey(name);
}
