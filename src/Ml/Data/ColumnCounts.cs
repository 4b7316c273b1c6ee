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

    /// <summary>Adds a present value; <paramref name="bits"/> identifies it for the distinct count (see <see cref="DistinctCounter.Add"/>).</summary>
    public void Add(long bits, double value)
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
