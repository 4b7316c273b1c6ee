using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AutoMl.Domain.Accounts;

namespace AutoMl.Api.Accounts;

public sealed record SignupRequest(
    [property: Required(ErrorMessage = "Enter an email address.")]
    [property: EmailAddress(ErrorMessage = "Enter a valid email address, like ada@example.com.")]
    [property: MaxLength(254, ErrorMessage = "An email address has at most 254 characters.")]
    string Email,
    [property: Required(ErrorMessage = "Enter a password.")]
    [property: MaxLength(512, ErrorMessage = "A password has at most 512 characters.")]
    string Password,
    [property: MustBeTrue(ErrorMessage = "Accept the terms of service and the data-processing notice to create an account.")]
    [property: Description($"Whether you accept the terms of service and the data-processing notice (version {Consent.TermsVersion}); must be true.")]
    bool AcceptTerms = false,
    [property: MustBeTrue(ErrorMessage = "Confirm that you are at least 16 years old to create an account.")]
    [property: Description("Whether you confirm you are at least 16 years old; must be true.")]
    bool ConfirmAge = false);

public sealed record LoginRequest(
    [property: Required(ErrorMessage = "Enter your email address.")] string Email,
    [property: Required(ErrorMessage = "Enter your password.")] string Password);

public sealed record ConfirmEmailRequest(
    [property: Required(ErrorMessage = "The confirmation link is missing the user id.")] Guid UserId,
    [property: Required(ErrorMessage = "The confirmation link is missing its token.")] string Token);

public sealed record AccountCreated(Guid Id, string Email);

/// <param name="IsAdmin">Whether this session may use the admin console (GET/POST /api/v1/admin/…).</param>
public sealed record MeResponse(
    Guid Id, string Email, Tier Tier, bool EmailVerified, DateTimeOffset CreatedAt, WelcomeBonusState WelcomeBonus,
    bool NotifyJobFinished, bool NotifyLowBalance, bool IsAdmin);
