namespace AutoMl.Domain.Credits;

public static class CreditRules
{
    /// <summary>Credits a new account starts with: enough for a few short training runs on the free tier.</summary>
    public const long DefaultSignupBonus = 100;

    /// <summary>Below this balance a user is warned by email: about ten minutes of free-tier search on a small table.</summary>
    public const long DefaultLowBalance = 20;

    public static string SignupBonusKey(Guid userId) => $"signup-bonus:{userId}";
}
