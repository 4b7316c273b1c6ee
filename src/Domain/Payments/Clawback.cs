namespace AutoMl.Domain.Payments;

public static class Clawback
{
    /// <summary>
    /// Credits to take back when <paramref name="reversedCents"/> of a <paramref name="paidCents"/> payment is refunded or
    /// disputed: proportional, rounded up so a partial refund never leaves credits the user did not pay for.
    /// </summary>
    public static long CreditsFor(long credits, long paidCents, long reversedCents)
    {
        if (paidCents <= 0 || reversedCents <= 0)
        {
            return 0;
        }
        var reversed = Math.Min(reversedCents, paidCents);
        return (long)Math.Ceiling((decimal)credits * reversed / paidCents);
    }
}
