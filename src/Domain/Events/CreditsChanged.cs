using System.Text.Json.Serialization;

namespace AutoMl.Domain.Events;

/// <summary>
/// The user's credits moved: a job's hold, capture, release or refund; a purchase, a subscription grant, a refund
/// or dispute claw-back. Balance and available are the account's after the change, where the change knows them.
/// </summary>
/// <remarks>reason: hold, capture, release, refund, purchase, subscription, clawback, ... amount: Credits moved: negative when the balance went down.</remarks>
public sealed record CreditsChanged(
    string Reason, long Amount, Guid? JobId = null, long? Balance = null, long? Available = null, long? Owed = null,
    string? StripeEvent = null) : PlatformEvent
{
    [JsonIgnore]
    public override string Type => PlatformEventTypes.CreditsChanged;
}
