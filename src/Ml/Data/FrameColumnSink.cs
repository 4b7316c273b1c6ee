using AutoMl.Ml.Columns;
using DuckDB.NET.Native;

namespace AutoMl.Ml.Data;

/// <summary>
/// One column of a direct CSV read: values go straight into the column store's representation (float32 numbers,
/// seconds for timestamps) in blocks, while the counts schema inference needs are taken from the exact values.
/// </summary>
internal sealed unsafe class FrameColumnSink(string name, bool integer, bool timestamp) : DuckDbColumnStream.ISink
{
    private const int BlockRows = 1 << 16;

    private readonly List<float[]> _numbers = [];
    private readonly List<double[]> _seconds = [];
    private readonly List<long[]> _integers = [];
    private int _filled = BlockRows;

    public string Name { get; } = name;

    public bool Timestamp { get; } = timestamp;

    public long Rows { get; private set; }

    public long NonNull { get; private set; }

    public DistinctCounter Distinct { get; } = new();

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public void Append(DuckDBType type, void* values, ulong* validity, int count)
    {
        // A chunk may straddle two blocks; each part is converted in one tight loop per type.
        var done = 0;
        while (done < count)
        {
            if (_filled == BlockRows)
            {
                AddBlock();
            }

            var n = Math.Min(count - done, BlockRows - _filled);
            if (Timestamp)
            {
                AppendTimestamps((long*)values + done, validity, done, n);
            }
            else if (integer)
            {
                AppendIntegers((long*)values + done, validity, done, n);
            }
            else
            {
                AppendDoubles((double*)values + done, validity, done, n);
            }

            _filled += n;
            done += n;
        }

        Rows += count;
    }

    private void AppendDoubles(double* values, ulong* validity, int first, int n)
    {
        var target = _numbers[^1].AsSpan(_filled, n);
        for (var i = 0; i < n; i++)
        {
            if (DuckDbColumnStream.IsValid(validity, first + i))
            {
                var value = values[i];
                target[i] = (float)value;
                Count(BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value), value);
            }
            else
            {
                target[i] = float.NaN;
            }
        }
    }

    private void AppendIntegers(long* values, ulong* validity, int first, int n)
    {
        var target = _numbers[^1].AsSpan(_filled, n);
        new ReadOnlySpan<long>(values, n).CopyTo(_integers[^1].AsSpan(_filled, n));
        for (var i = 0; i < n; i++)
        {
            if (DuckDbColumnStream.IsValid(validity, first + i))
            {
                var value = values[i];
                target[i] = (float)(double)value;
                Count(value, value);
            }
            else
            {
                target[i] = float.NaN;
            }
        }
    }

    private void AppendTimestamps(long* values, ulong* validity, int first, int n)
    {
        var target = _seconds[^1].AsSpan(_filled, n);
        for (var i = 0; i < n; i++)
        {
            if (DuckDbColumnStream.IsValid(validity, first + i))
            {
                var micros = values[i];
                target[i] = TimeSpan.FromTicks(micros * TimeSpan.TicksPerMicrosecond).TotalSeconds;
                Count(micros, micros);
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
        var values = new List<long>((int)NonNull);
        var numbers = _numbers;
        for (var b = 0; b < _integers.Count; b++)
        {
            var length = b == _integers.Count - 1 ? _filled : BlockRows;
            for (var i = 0; i < length; i++)
            {
                if (!float.IsNaN(numbers[b][i]))
                {
                    values.Add(_integers[b][i]);
                }
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

    /// <summary>The column as the column store holds it; the blocks are released as they are copied.</summary>
    public FrameColumn ToColumn()
    {
        var rows = checked((int)Rows);
        _integers.Clear();
        if (Timestamp)
        {
            return FrameColumn.OfSeconds(Name, Concat(_seconds, rows));
        }

        return FrameColumn.OfNumbers(Name, Concat(_numbers, rows));
    }

    private static T[] Concat<T>(List<T[]> blocks, int rows)
    {
        var result = GC.AllocateUninitializedArray<T>(rows);
        for (var b = 0; b < blocks.Count; b++)
        {
            var start = b * BlockRows;
            Array.Copy(blocks[b], 0, result, start, Math.Min(BlockRows, rows - start));
            blocks[b] = [];
        }

        blocks.Clear();
        return result;
    }

    private void Count(long bits, double value)
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

    private void AddBlock()
    {
        if (Timestamp)
        {
            _seconds.Add(new double[BlockRows]);
        }
        else
        {
            _numbers.Add(new float[BlockRows]);
        }

        if (integer)
        {
            _integers.Add(new long[BlockRows]);
        }

        _filled = 0;
    }
}
