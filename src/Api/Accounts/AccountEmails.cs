using System.Text;
using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Accounts;

/// <summary>
/// The emails of password and address changes, added to the caller's unit of work (the caller saves), so a mail
/// goes out exactly when its change is committed. Links point at dashboard pages under the public URL.
/// </summary>
internal sealed class AccountEmails(UserManager<AppUser> users, EmailOutbox outbox, IOptions<PlatformOptions> options)
{
    public const string PasswordReset = "password-reset";
    public const string PasswordChanged = "password-changed";
    public const string EmailChangeConfirm = "email-change-confirm";
    public const string EmailChangeRequested = "email-change-requested";

    public async Task QueuePasswordResetAsync(AppUser user)
    {
        var token = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = Link($"/reset-password?email={Uri.EscapeDataString(user.Email!)}&token={token}");
        outbox.Queue(user.Id, user.Email!, PasswordReset, "Reset your AutoMl password",
            $"Someone, hopefully you, asked to reset the password of your AutoMl account.\n\nChoose a new password here (the link works once, for a day):\n{link}\n\n"
            + "If you did not ask for this, ignore this email: your password stays as it is.");
    }

    public void QueuePasswordChanged(AppUser user, bool byReset) =>
        outbox.Queue(user.Id, user.Email!, PasswordChanged, "Your AutoMl password was changed",
            $"The password of your AutoMl account was {(byReset ? "reset through an emailed link" : "changed from the Settings page")}. "
            + "Every other signed-in browser was signed out.\n\n"
            + $"If this was not you, reset your password now and check your API keys:\n{Link("/forgot-password")}\n");

    public async Task QueueEmailChangeAsync(AppUser user, string newEmail)
    {
        var token = Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        var link = Link($"/confirm-email-change?userId={user.Id}&email={Uri.EscapeDataString(newEmail)}&token={token}");
        outbox.Queue(user.Id, newEmail, EmailChangeConfirm, "Confirm your new AutoMl email address",
            $"Confirm that the AutoMl account {user.Email} should use this address from now on:\n{link}\n\n"
            + "Until you open the link, the account keeps its current address. If you did not ask for this, ignore this email.");
        outbox.Queue(user.Id, user.Email!, EmailChangeRequested, "Your AutoMl email address is about to change",
            $"Someone signed in to your AutoMl account asked to change its email address to {newEmail}. "
            + "It changes only when the link sent to that address is opened.\n\n"
            + $"If this was not you, change your password now; that also signs everyone else out:\n{Link("/settings")}\n");
    }

    /// <summary>The token as Identity made it, from the base64url form a link carries; null when it is not base64url.</summary>
    public static string? Decode(string? token)
    {
        try
        {
            return string.IsNullOrEmpty(token) ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>An Identity token in the base64url form a link carries (Identity's tokens hold '+', '/' and '=').</summary>
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private Uri Link(string pathAndQuery) => new($"{options.Value.PublicUrl.TrimEnd('/')}{pathAndQuery}");
}
