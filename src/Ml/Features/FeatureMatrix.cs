namespace AutoMl.Ml.Features;

/// <summary>Featurised rows, one float array per feature (column-major), plus the joined text when the data has text.</summary>
public sealed class FeatureMatrix(float[][] columns, int rowCount, string?[]? text)
{
    public float[][] Columns { get; } = columns;

    public int RowCount { get; } = rowCount;

    public int FeatureCount => Columns.Length;

    public string?[]? Text { get; } = text;

    public void CopyRow(int row, Span<float> destination)
    {
        for (var j = 0; j < Columns.Length; j++)
        {
            destination[j] = Columns[j][row];
        }
    }
}
