using AutoMl.Ml.Columns;
using DuckDB.NET.Native;

namespace AutoMl.Ml.Data;

/// <summary>
/// One column of a direct CSV read: values go straight into the column store's representation (float32 numbers,
/// seconds for timestamps), while the counts schema inference needs are taken from the exact values.
/// </summary>
internal sealed unsafe class FrameColumnSink(string name, bool integer, bool timestamp) : DuckDbColumnStream.ISink
{
    private float[] _numbers = [];
    private double[] _seconds = [];
    private long[] _integers = [];
    private int _filled;

    public string Name { get; } = name;

    public bool Timestamp { get; } = timestamp;

    /// <summary>The counts of the whole column once it is read.</summary>
    public ColumnCounts Counts { get; } = new();

    /// <summary>The column's arrays, for <see cref="NumericCsvParser"/>, which fills rows from several threads.</summary>
    public float[] Numbers => _numbers;

    public long[] Integers => _integers;

    public bool Integer { get; } = integer;

    public void Begin(long rows)
    {
        // The row count is known before the first value, so each column is one array written once: no blocks to copy,
        // no zeroing, and half the page faults (which dominated the read on this machine).
        var length = checked((int)rows);
        if (Timestamp)
        {
            _seconds = GC.AllocateUninitializedArray<double>(length);
        }
        else
        {
            _numbers = GC.AllocateUninitializedArray<float>(length);
        }

        if (Integer)
        {
            _integers = GC.AllocateUninitializedArray<long>(length);
        }
    }

    public void Append(DuckDBType type, void* values, ulong* validity, int count)
    {
        if (Timestamp)
        {
            AppendTimestamps((long*)values, validity, count);
        }
        else if (Integer)
        {
            AppendIntegers((long*)values, validity, count);
        }
        else
        {
            AppendDoubles((double*)values, validity, count);
        }

        _filled += count;
    }

    private void AppendDoubles(double* values, ulong* validity, int n)
    {
        var target = _numbers.AsSpan(_filled, n);
        for (var i = 0; i < n; i++)
        {
            if (DuckDbColumnStream.IsValid(validity, i))
            {
                var value = values[i];
                target[i] = (float)value;
                Counts.AddDouble(value);
            }
            else
            {
                target[i] = float.NaN;
            }
        }
    }

    private void AppendIntegers(long* values, ulong* validity, int n)
    {
        var target = _numbers.AsSpan(_filled, n);
        new ReadOnlySpan<long>(values, n).CopyTo(_integers.AsSpan(_filled, n));
        for (var i = 0; i < n; i++)
        {
            if (DuckDbColumnStream.IsValid(validity, i))
            {
                var value = values[i];
                target[i] = (float)(double)value;
                Counts.AddInteger(value);
            }
            else
            {
                target[i] = float.NaN;
            }
        }
    }

    private void AppendTimestamps(long* values, ulong* validity, int n)
    {
        var target = _seconds.AsSpan(_filled, n);
        for (var i = 0; i < n; i++)
        {
            if (DuckDbColumnStream.IsValid(validity, i))
            {
                var micros = values[i];
                target[i] = TimeSpan.FromTicks(micros * TimeSpan.TicksPerMicrosecond).TotalSeconds;
                Counts.AddInteger(micros);
            }
            else
            {
                target[i] = double.NaN;
            }
        }
    }

    /// <summary>Exact distinct count of an integer column (identifier candidates only: it sorts a copy).</summary>
    public long ExactIntegerDistinct()
    {
        var values = new List<long>((int)Counts.NonNull);
        for (var i = 0; i < _filled; i++)
        {
            if (!float.IsNaN(_numbers[i]))
            {
                values.Add(_integers[i]);
            }
        }

        values.Sort();
        long distinct = values.Count > 0 ? 1 : 0;
        for (var i = 1; i < values.Count; i++)
        {
            distinct += values[i] != values[i - 1] ? 1 : 0;
        }

        return distinct;
    }

    /// <summary>The column as the column store holds it; the sink lets go of its arrays.</summary>
    public FrameColumn ToColumn()
    {
        if (_filled != (Timestamp ? _seconds.Length : _numbers.Length))
        {
            throw new InvalidOperationException($"Column '{Name}' received {_filled} values for {(Timestamp ? _seconds.Length : _numbers.Length)} rows.");
        }

        _integers = [];
        var column = Timestamp ? FrameColumn.OfSeconds(Name, _seconds) : FrameColumn.OfNumbers(Name, _numbers);
        (_seconds, _numbers) = ([], []);
        return column;
    }

    /// <summary>Marks the column as filled by <see cref="NumericCsvParser"/>, which wrote every row of the arrays itself.</summary>
    public void Filled(long rows) => _filled = checked((int)rows);
}
