using System.ComponentModel.DataAnnotations;

namespace AutoMl.Api.Accounts;

public sealed record ForgotPasswordRequest(
    [property: Required(ErrorMessage = "Enter your email address.")]
    [property: MaxLength(254, ErrorMessage = "An email address has at most 254 characters.")]
    string Email);

/// <summary>The same answer whether or not the address has an account.</summary>
public sealed record ForgotPasswordAccepted(string Message);

public sealed record ResetPasswordRequest(
    [property: Required(ErrorMessage = "The reset link is missing the email address.")] string Email,
    [property: Required(ErrorMessage = "The reset link is missing its token.")] string Token,
    [property: Required(ErrorMessage = "Enter a new password.")]
    [property: MaxLength(512, ErrorMessage = "A password has at most 512 characters.")]
    string NewPassword);

public sealed record ChangePasswordRequest(
    [property: Required(ErrorMessage = "Enter your current password.")] string CurrentPassword,
    [property: Required(ErrorMessage = "Enter a new password.")]
    [property: MaxLength(512, ErrorMessage = "A password has at most 512 characters.")]
    string NewPassword);

public sealed record ReauthenticateRequest([property: Required(ErrorMessage = "Enter your password.")] string Password);

public sealed record ChangeEmailRequest(
    [property: Required(ErrorMessage = "Enter the new email address.")]
    [property: EmailAddress(ErrorMessage = "Enter a valid email address, like ada@example.com.")]
    [property: MaxLength(254, ErrorMessage = "An email address has at most 254 characters.")]
    string NewEmail,
    [property: Required(ErrorMessage = "Enter your password.")] string Password);

/// <summary>Where the confirmation link went; the address changes only when it is opened.</summary>
public sealed record EmailChangePending(string NewEmail, string Message);

public sealed record ConfirmEmailChangeRequest(
    [property: Required(ErrorMessage = "The confirmation link is missing the user id.")] Guid UserId,
    [property: Required(ErrorMessage = "The confirmation link is missing the new address.")] string Email,
    [property: Required(ErrorMessage = "The confirmation link is missing its token.")] string Token);

/// <summary>PATCH /me: only the fields sent change.</summary>
public sealed record UpdateMeRequest(bool? NotifyJobFinished, bool? NotifyLowBalance);
