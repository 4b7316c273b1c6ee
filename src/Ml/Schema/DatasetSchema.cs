namespace AutoMl.Ml.Schema;

public sealed record DatasetSchema(IReadOnlyList<ColumnSchema> Columns, long RowCount)
{
    public ColumnSchema? Find(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    public ColumnSchema Get(string name) =>
        Find(name) ?? throw new ArgumentException($"The data has no column named '{name}'.", nameof(name));
}
