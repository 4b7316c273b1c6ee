using System.ComponentModel.DataAnnotations;
using AutoMl.Infrastructure.Rewards;

namespace AutoMl.Api.Admin;

public sealed record AdClaimView(Guid Id, string TransactionId, Guid UserId, string? AdUnit, string? DeviceId, string? Ip, long Credits,
    int RiskScore, string RiskReasons, AdClaimStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ReviewedAt, string? ReviewNote);

public sealed record ReviewRequest([property: StringLength(300)] string? Note);

/// <summary>A signed amount: positive grants, negative takes back.</summary>
public sealed record CreditAdjustmentRequest(long Amount, [property: Required, StringLength(200, MinimumLength = 3)] string Reason);

public sealed record AdminUserView(Guid Id, string Email, AutoMl.Domain.Accounts.Tier Tier, long Balance, long Held, long Owed);

public sealed record AdminLedgerView(AdminUserView User, IReadOnlyList<Credits.CreditEntryView> Items, string? NextCursor);
