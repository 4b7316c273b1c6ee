using System.Globalization;

namespace AutoMl.Domain.Workflows;

/// <summary>
/// A workflow's spending limits. A run holds its job's price before it starts and is charged at most that, so a run
/// is refused when the price is over the per-run cap, or when what this month's runs hold or were charged plus the
/// price would pass the monthly cap: a run can never spend past either.
/// </summary>
public static class CreditCaps
{
    /// <returns>Why the run may not start, or null when it may.</returns>
    public static string? Refusal(long price, long runCap, long monthlyCap, long spentThisMonth)
    {
        if (price > runCap)
        {
            return $"The run would hold {N(price)} credits, over the workflow's cap of {N(runCap)} per run. Raise the cap or lower the budget.";
        }
        if (spentThisMonth + price > monthlyCap)
        {
            return $"The monthly credit cap of {N(monthlyCap)} is reached: this month's runs have used {N(spentThisMonth)} and this one would hold {N(price)}. "
                + "Raise the cap, or wait for next month.";
        }
        return null;
    }

    /// <summary>The first moment of the calendar month (UTC) that <paramref name="now"/> is in: the monthly cap's window.</summary>
    public static DateTimeOffset MonthStart(DateTimeOffset now) => new(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);

    private static string N(long credits) => credits.ToString("N0", CultureInfo.InvariantCulture);
}
