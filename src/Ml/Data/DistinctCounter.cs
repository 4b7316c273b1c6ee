using System.Numerics;

namespace AutoMl.Ml.Data;

/// <summary>
/// Distinct values of one column seen once: exact up to 1,000 (small counts decide the task), above that a
/// HyperLogLog estimate (4,096 registers, about 1.6% error, like DuckDB's approx_count_distinct).
/// </summary>
internal sealed class DistinctCounter
{
    private const int ExactLimit = 1000;
    private const int IndexBits = 12;
    private const int Registers = 1 << IndexBits;

    private readonly byte[] _registers = new byte[Registers];
    private HashSet<long>? _exact = [];

    public long Count
    {
        get
        {
            if (_exact is not null)
            {
                return _exact.Count;
            }

            double sum = 0;
            var zeros = 0;
            foreach (var r in _registers)
            {
                sum += Math.ScaleB(1, -r);
                zeros += r == 0 ? 1 : 0;
            }

            var alpha = 0.7213 / (1 + 1.079 / Registers);
            var estimate = alpha * Registers * Registers / sum;
            if (estimate <= 2.5 * Registers && zeros > 0)
            {
                estimate = Registers * Math.Log((double)Registers / zeros);
            }

            return (long)Math.Round(estimate);
        }
    }

    /// <summary>Adds a value by its 64-bit pattern (a double's bits with -0 folded into 0, or an integer).</summary>
    public void Add(long bits)
    {
        if (_exact is not null)
        {
            _exact.Add(bits);
            if (_exact.Count > ExactLimit)
            {
                _exact = null;
            }
        }

        var hash = Mix(bits);
        var index = (int)(hash >> (64 - IndexBits));
        var rank = (byte)(BitOperations.LeadingZeroCount((hash << IndexBits) | (1UL << (IndexBits - 1))) + 1);
        if (rank > _registers[index])
        {
            _registers[index] = rank;
        }
    }

    /// <summary>Makes this the count of both columns' values, as if every value of <paramref name="other"/> had been added here.</summary>
    public void Merge(DistinctCounter other)
    {
        if (_exact is not null && other._exact is not null)
        {
            _exact.UnionWith(other._exact);
            if (_exact.Count > ExactLimit)
            {
                _exact = null;
            }
        }
        else
        {
            _exact = null;
        }

        for (var i = 0; i < Registers; i++)
        {
            _registers[i] = Math.Max(_registers[i], other._registers[i]);
        }
    }

    // SplitMix64's finaliser: neighbouring values (1.001, 1.002) land in unrelated registers.
    private static ulong Mix(long value)
    {
        var z = (ulong)value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
