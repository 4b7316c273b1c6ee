namespace AutoMl.Ml.Data;

/// <summary>
/// What schema inference needs of a numeric column, taken while it is read: values present, distinct values, range.
/// Counts taken by several threads over parts of a column merge into the counts of the whole.
/// </summary>
internal sealed class ColumnCounts
{
    public long NonNull { get; private set; }

    public DistinctCounter Distinct { get; } = new();

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Adds a present number; -0 and 0 count as one distinct value.</summary>
    public void AddDouble(double value) => Add(BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value), value);

    /// <summary>Adds a present integer (or a timestamp's microseconds).</summary>
    public void AddInteger(long value) => Add(value, value);

    private void Add(long bits, double value)
    {
        NonNull++;
        Distinct.Add(bits);
        if (value < Min)
        {
            Min = value;
        }

        if (value > Max)
        {
            Max = value;
        }
    }

    public void Merge(ColumnCounts other)
    {
        NonNull += other.NonNull;
        Distinct.Merge(other.Distinct);
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }
}
