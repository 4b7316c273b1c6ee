namespace AutoMl.Domain.Credits;

/// <summary>
/// When an account may spend: a job's hold and an online prediction's charge alike. Credits owed from a reversed
/// payment come first, so nothing is spent while they are; otherwise the available credits (balance − held) must cover it.
/// </summary>
public static class Spending
{
    public static bool Allowed(long balance, long held, long owed, long amount) => owed == 0 && balance - held >= amount;
}
