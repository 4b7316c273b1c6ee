using System.Globalization;
using System.IO.MemoryMappedFiles;

namespace AutoMl.Ml.Data;

/// <summary>
/// The fast path of a direct CSV read (ADR 0003): a file whose columns DuckDB sniffed as BIGINT and DOUBLE, written
/// plainly ('.' decimals, one row a line, quotes only around numbers), parsed by every core straight into the column arrays. Handing
/// DuckDB's parsed vectors over costs as much again as DuckDB's own parse, which kept the read at 3–4× DuckDB's
/// count(*); this parser reads the bytes once. It accepts a strict subset of what DuckDB reads and gives up at the
/// first byte outside it: the caller then reads the file through DuckDB, which also words any error. Numbers round
/// as DuckDB's do (correctly: an exact fast path, .NET's correctly rounded parser for the rest).
/// </summary>
internal static unsafe class NumericCsvParser
{
    private const int MaxSignificantDigits = 19;

    // 10^0 … 10^22 are exact doubles: a mantissa below 2^53 times or divided by one is correctly rounded.
    private static readonly double[] ExactPowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    // TabularReader.NullStrings less '' (an empty field is handled on its own).
    private static readonly byte[][] NullTokens = [.. new[] { "NA", "N/A", "NaN", "nan", "null", "NULL", "?" }.Select(t => t.Select(c => (byte)c).ToArray())];

    /// <summary>
    /// Parses the rows after the header line into <paramref name="sinks"/> (one per column, in file order) and returns
    /// the row count, or null when the file is not one this parser reads; the sinks are then spoilt.
    /// </summary>
    public static long? TryRead(string path, byte delimiter, IReadOnlyList<FrameColumnSink> sinks, int threads, long segmentBytes, CancellationToken ct)
    {
        var length = new FileInfo(path).Length;
        if (length == 0 || sinks.Any(s => s.Timestamp))
        {
            return null;
        }

        using var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* mapped = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref mapped);
        try
        {
            return Read(mapped + view.PointerOffset, length, delimiter, sinks, threads, segmentBytes, ct);
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    private static long? Read(byte* data, long length, byte delimiter, IReadOnlyList<FrameColumnSink> sinks, int threads, long segmentBytes, CancellationToken ct)
    {
        var header = new ReadOnlySpan<byte>(data, (int)Math.Min(length, int.MaxValue)).IndexOf((byte)'\n');
        if (header < 0 || header + 1 >= length)
        {
            return null;
        }

        var bounds = Segments(data, header + 1, length, segmentBytes);
        var segments = bounds.Length - 1;
        var rowsIn = new long[segments];
        var options = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Math.Max(1, threads) };

        // Pass 1, vectorised: rows per segment, so each segment knows its first row. A quoted field holding a line
        // break would throw the count off, but pass 2 gives up on it: only a number may stand between quotes.
        Parallel.For(0, segments, options, s =>
        {
            var bytes = new ReadOnlySpan<byte>(data + bounds[s], checked((int)(bounds[s + 1] - bounds[s])));
            rowsIn[s] = bytes.Count((byte)'\n') + (bytes[^1] == (byte)'\n' ? 0 : 1);
        });
        var total = rowsIn.Sum();
        if (total > int.MaxValue)
        {
            return null;
        }

        var firstRow = new long[segments];
        for (var s = 1; s < segments; s++)
        {
            firstRow[s] = firstRow[s - 1] + rowsIn[s - 1];
        }

        foreach (var sink in sinks)
        {
            sink.Begin(total);
        }

        // Pass 2: each thread parses whole segments into the shared arrays (disjoint rows) and counts into its own
        // ColumnCounts, merged at the end.
        var failed = 0;
        var merge = new object();
        Parallel.For(0, segments, options,
            () => sinks.Select(_ => new ColumnCounts()).ToArray(),
            (s, loop, counts) =>
            {
                if (Volatile.Read(ref failed) == 0 && !ParseSegment(data + bounds[s], data + bounds[s + 1], (int)firstRow[s], (int)rowsIn[s], delimiter, sinks, counts))
                {
                    Interlocked.Exchange(ref failed, 1);
                    loop.Stop();
                }

                return counts;
            },
            counts =>
            {
                lock (merge)
                {
                    for (var c = 0; c < counts.Length; c++)
                    {
                        sinks[c].Counts.Merge(counts[c]);
                    }
                }
            });
        if (failed == 1)
        {
            return null;
        }

        foreach (var sink in sinks)
        {
            sink.Filled(total);
        }

        return total;
    }

    /// <summary>Segment starts (each just after a line break) and the end: about <paramref name="segmentBytes"/> apiece.</summary>
    private static long[] Segments(byte* data, long start, long length, long segmentBytes)
    {
        var bounds = new List<long> { start };
        var position = start;
        while (length - position > segmentBytes)
        {
            var probe = position + segmentBytes;
            var next = new ReadOnlySpan<byte>(data + probe, (int)Math.Min(length - probe, int.MaxValue)).IndexOf((byte)'\n');
            if (next < 0 || probe + next + 1 >= length)
            {
                break;
            }

            position = probe + next + 1;
            bounds.Add(position);
        }

        bounds.Add(length);
        return [.. bounds];
    }

    private static bool ParseSegment(byte* p, byte* end, int row, int rows, byte delimiter, IReadOnlyList<FrameColumnSink> sinks, ColumnCounts[] counts)
    {
        var columns = sinks.Count;
        var numbers = sinks.Select(s => s.Numbers).ToArray();
        var integers = sinks.Select(s => s.Integer ? s.Integers : null).ToArray();
        for (var r = 0; r < rows; r++, row++)
        {
            for (var c = 0; c < columns; c++)
            {
                var integer = integers[c];
                if (!TryField(ref p, end, delimiter, integer is not null, out var value, out var whole, out var present))
                {
                    return false;
                }

                if (c < columns - 1)
                {
                    if (p >= end || *p != delimiter)
                    {
                        return false;
                    }

                    p++;
                }
                else if (p < end)
                {
                    p += *p == (byte)'\r' ? 1 : 0;
                    if (p >= end || *p != (byte)'\n')
                    {
                        return false;
                    }

                    p++;
                }

                if (!present)
                {
                    numbers[c][row] = float.NaN;
                }
                else if (integer is not null)
                {
                    integer[row] = whole;
                    numbers[c][row] = (float)value;
                    counts[c].AddInteger(whole);
                }
                else
                {
                    numbers[c][row] = (float)value;
                    counts[c].AddDouble(value);
                }
            }
        }

        return p == end;
    }

    /// <summary>
    /// One field: <c>-?digits(.digits)?([eE][+-]?digits)?</c> (integers: <c>-?digits</c>), maybe between double
    /// quotes, or empty, or a null token.
    /// Leaves <paramref name="p"/> on the byte after it; false when the field is anything else.
    /// </summary>
    private static bool TryField(ref byte* p, byte* end, byte delimiter, bool integer, out double value, out long whole, out bool present)
    {
        value = 0;
        whole = 0;
        present = true;
        // A quoted number ("0", as R writes factors) is the number; a quote around anything else is DuckDB's to read.
        var quoted = p < end && *p == (byte)'"';
        p += quoted ? 1 : 0;
        var start = p;
        var negative = p < end && *p == (byte)'-';
        p += negative ? 1 : 0;

        ulong mantissa = 0;
        var significant = 0;
        var exponent = 0;
        var truncated = false;
        var digits = p;
        Digits(ref p, end, ref mantissa, ref significant, ref truncated, ref exponent, false);
        if (p == digits)
        {
            p = start;
            present = false;
            return !negative && !quoted && TryNull(ref p, end, delimiter);
        }

        if (p < end && *p == (byte)'.')
        {
            p++;
            var fraction = p;
            Digits(ref p, end, ref mantissa, ref significant, ref truncated, ref exponent, true);
            if (integer || p == fraction)
            {
                return false;
            }
        }

        if (p < end && (*p == (byte)'e' || *p == (byte)'E'))
        {
            if (integer || !TryExponent(ref p, end, ref exponent))
            {
                return false;
            }
        }

        var number = new ReadOnlySpan<byte>(start, (int)(p - start));
        if (quoted)
        {
            if (p >= end || *p != (byte)'"')
            {
                return false;
            }

            p++;
        }

        if (integer)
        {
            if (significant > 18)
            {
                return false;
            }

            whole = negative ? -(long)mantissa : (long)mantissa;
            value = whole;
            return true;
        }

        if (mantissa == 0 && !truncated)
        {
            value = negative ? -0.0 : 0.0;
            return true;
        }

        if (!truncated && mantissa <= 1UL << 53 && exponent is >= -22 and <= 22)
        {
            value = exponent >= 0 ? mantissa * ExactPowersOfTen[exponent] : mantissa / ExactPowersOfTen[-exponent];
            value = negative ? -value : value;
            return true;
        }

        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>Decimal digits into the mantissa; past 19 significant ones the number is marked for the exact parser.</summary>
    private static void Digits(ref byte* p, byte* end, ref ulong mantissa, ref int significant, ref bool truncated, ref int exponent, bool fraction)
    {
        while (p < end)
        {
            var digit = (uint)(*p - (byte)'0');
            if (digit > 9)
            {
                return;
            }

            if (significant < MaxSignificantDigits)
            {
                mantissa = (mantissa * 10) + digit;
                significant += mantissa != 0 ? 1 : 0;
                exponent -= fraction ? 1 : 0;
            }
            else
            {
                truncated = true;
            }

            p++;
        }
    }

    private static bool TryExponent(ref byte* p, byte* end, ref int exponent)
    {
        p++;
        var negative = p < end && *p == (byte)'-';
        p += p < end && (*p == (byte)'-' || *p == (byte)'+') ? 1 : 0;
        var digits = p;
        var value = 0;
        while (p < end && (uint)(*p - (byte)'0') <= 9)
        {
            value = Math.Min((value * 10) + (*p - (byte)'0'), 100_000);
            p++;
        }

        exponent += negative ? -value : value;
        return p != digits;
    }

    private static bool TryNull(ref byte* p, byte* end, byte delimiter)
    {
        var start = p;
        while (p < end && *p != delimiter && *p != (byte)'\n' && *p != (byte)'\r')
        {
            p++;
        }

        var field = new ReadOnlySpan<byte>(start, (int)(p - start));
        if (field.IsEmpty)
        {
            return true;
        }

        foreach (var token in NullTokens)
        {
            if (field.SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }
}
