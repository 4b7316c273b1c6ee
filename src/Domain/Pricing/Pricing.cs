using AutoMl.Domain.Accounts;

namespace AutoMl.Domain.Pricing;

public sealed record PriceBreakdown(long Credits, double Minutes, double PerMinute, double SizeFactor, string Explanation);

/// <summary>
/// Training is priced on the budget the user reserves (the hold), scaled by data size: a minute of
/// search over a small table costs 2 credits, and every tenfold growth past 100,000 cells adds one
/// more unit of size. Pro and enterprise pay less per minute. A job is charged for the time it used.
/// </summary>
public static class Pricing
{
    public const long CreditsPerThousandPredictions = 1;

    public static double PerMinute(Tier tier) => tier switch
    {
        Tier.Free => 2.0,
        Tier.Pro => 1.5,
        Tier.Enterprise => 1.0,
    };

    public static double SizeFactor(long rows, int columns)
    {
        var cells = Math.Max(1.0, rows * (double)Math.Max(1, columns));
        return 1.0 + Math.Max(0.0, Math.Log10(cells / 100_000.0));
    }

    public static PriceBreakdown Training(Tier tier, int budgetSeconds, long rows, int columns)
    {
        var minutes = budgetSeconds / 60.0;
        var size = SizeFactor(rows, columns);
        var credits = Math.Max(1L, (long)Math.Ceiling(minutes * PerMinute(tier) * size));
        return new PriceBreakdown(credits, minutes, PerMinute(tier), Math.Round(size, 3),
            $"{minutes:0.##} min × {PerMinute(tier)} credits/min × size {size:0.##} ({rows:N0} rows × {columns} columns), rounded up");
    }

    /// <summary>What a job that held <paramref name="held"/> is charged for running <paramref name="elapsed"/> of its budget.</summary>
    public static long Used(long held, TimeSpan elapsed, int budgetSeconds)
    {
        var fraction = Math.Clamp(elapsed.TotalSeconds / Math.Max(1, budgetSeconds), 0, 1);
        return Math.Clamp((long)Math.Ceiling(held * fraction), 1, held);
    }

    public static long Prediction(long rows) => Math.Max(1, (rows * CreditsPerThousandPredictions + 999) / 1000);
}
