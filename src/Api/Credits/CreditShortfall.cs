using AutoMl.Infrastructure.Credits;

namespace AutoMl.Api.Credits;

/// <summary>
/// The one wording of a 402, for everything that spends credits (a job's hold, an online prediction): credits owed from
/// a reversed payment are named first, since nothing can be spent until they are settled; otherwise the cost against
/// what is available. The rule itself is <see cref="Domain.Credits.Spending"/>, applied by the ledger.
/// </summary>
internal static class CreditShortfall
{
    public const string Title = "Not enough credits";

    /// <param name="account">The account as the refused operation found it.</param>
    /// <param name="cost">What the request costs, as the start of a sentence ("This job holds 12 credits").</param>
    /// <param name="blocked">What owed credits keep the user from ("starting new jobs").</param>
    /// <param name="remedy">What the user can do besides buying credits, or nothing.</param>
    public static string Detail(LedgerResult account, string cost, string blocked, string remedy) => account.Owed > 0
        ? $"You owe {account.Owed} credits from a reversed payment; buy credits to settle it before {blocked}."
        : $"{cost} and you have {account.Balance - account.Held} available. {remedy}";
}
