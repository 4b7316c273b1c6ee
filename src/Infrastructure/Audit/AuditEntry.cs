using System.Text.Json;

namespace AutoMl.Infrastructure.Audit;

/// <summary>What a caller records; <see cref="AuditTrail"/> adds the time and the chain.</summary>
public sealed record AuditEntry(
    string Action, string Actor, Guid? UserId, string Outcome = AuditOutcomes.Success, string? TargetType = null, string? TargetId = null,
    string? Detail = null, string? Address = null, string? Client = null)
{
    /// <summary>The canonical JSON the hash covers: the same fields in the same order, the time to the microsecond.</summary>
    public static string PayloadOf(DateTimeOffset at, Guid? userId, string actor, string action, string? targetType, string? targetId,
        string? address, string? client, string outcome, string? detail) =>
        JsonSerializer.Serialize(new object?[]
        {
            at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
            userId, actor, action, targetType, targetId, address, client, outcome, detail,
        });
}

public static class AuditOutcomes
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Refused = "refused";
}

/// <summary>The acts the trail records; their names are stored, so they never change.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInThrottled = "sign-in-throttled";
    public const string PasswordChange = "password-change";
    public const string PasswordReset = "password-reset";
    public const string EmailChange = "email-change";
    public const string ApiKeyCreate = "api-key-create";
    public const string ApiKeyRevoke = "api-key-revoke";
    public const string RoleGrant = "role-grant";
    public const string CreditAdjustment = "credit-adjustment";
    public const string AdClaimReview = "ad-claim-review";
    public const string AccountDeletion = "account-deletion";
    public const string AliasMove = "alias-move";
    public const string WorkflowApproval = "workflow-approval";
    public const string WorkflowRejection = "workflow-rejection";
    public const string TierChange = "tier-change";
    public const string Suspension = "account-suspension";
    public const string Unsuspension = "account-unsuspension";
}
