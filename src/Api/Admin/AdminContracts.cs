using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Rewards;

namespace AutoMl.Api.Admin;

public sealed record AdClaimView(Guid Id, string TransactionId, Guid UserId, string? AdUnit, string? DeviceId, string? Ip, long Credits,
    int RiskScore, string RiskReasons, AdClaimStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ReviewedAt, string? ReviewNote);

public sealed record ReviewRequest([property: StringLength(300)] string? Note);

/// <summary>A signed amount: positive grants, negative takes back.</summary>
public sealed record CreditAdjustmentRequest(long Amount, [property: Required, StringLength(200, MinimumLength = 3)] string Reason);

/// <param name="By">The admin who suspended the account.</param>
public sealed record AdminSuspensionView(DateTimeOffset At, Guid? By, string? Reason);

/// <param name="Datasets">Data set rows, each version counted.</param>
/// <param name="ApiKeys">Keys not revoked.</param>
public sealed record AdminUserCounts(int Jobs, int Datasets, int Models, int ApiKeys);

/// <param name="LastSignInAt">The last successful password sign-in, from the audit trail.</param>
/// <param name="Suspension">Set while the account is suspended.</param>
public sealed record AdminUserView(Guid Id, string Email, Tier Tier, long Balance, long Held, long Owed, DateTimeOffset CreatedAt, bool EmailConfirmed,
    bool IsAdmin, DateTimeOffset? LastSignInAt, AdminSuspensionView? Suspension, AdminUserCounts Counts);

public sealed record AdminLedgerView(AdminUserView User, IReadOnlyList<Credits.CreditEntryView> Items, string? NextCursor);

public sealed record SetTierRequest(
    [property: Required(ErrorMessage = "Name the tier: free, pro or enterprise.")]
    [property: Description("free, pro or enterprise.")]
    string Tier,
    [property: Required(ErrorMessage = "Say why the tier changes (kept in the audit trail).")]
    [property: StringLength(300, MinimumLength = 3, ErrorMessage = "The reason has 3 to 300 characters.")]
    string Reason);

public sealed record SuspendRequest(
    [property: Required(ErrorMessage = "Say why the account is suspended (kept with the account and in the audit trail).")]
    [property: StringLength(300, MinimumLength = 3, ErrorMessage = "The reason has 3 to 300 characters.")]
    string Reason);

public sealed record UnsuspendRequest([property: StringLength(300, ErrorMessage = "The reason has at most 300 characters.")] string? Reason);

/// <summary>Every key of the account, revoked ones included (an admin looks for what a key did).</summary>
public sealed record AdminApiKeyView(Guid Id, string Name, string Prefix, ApiKeyScope Scope, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
