using AutoMl.Api.Errors;
using AutoMl.Api.RateLimiting;
using AutoMl.Api.Security;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoMl.Api.Accounts;

/// <summary>
/// A new address is used only once its mailbox confirms it (a link mailed to it), so a session can neither point the
/// account at an address it does not own nor take one another account uses.
/// </summary>
internal static class EmailChangeEndpoints
{
    private const string Taken = "Another account uses this email address. Choose another one.";
    private const string LinkInvalid =
        "This confirmation link is not valid: it has expired, was already used, or the address was changed since. Ask for a new link on the Settings page.";

    public static async Task<Results<Accepted<EmailChangePending>, ProblemHttpResult, ValidationProblem>> RequestAsync(
        ChangeEmailRequest request, CurrentUser current, UserManager<AppUser> users, AccountEmails emails, AutoMlDbContext db,
        PasswordRecheck recheck, PasswordHashGate hashing, HttpContext http, CancellationToken ct)
    {
        if (await users.FindByIdAsync(current.Id.ToString()) is not { } user)
        {
            return ProblemResults.Unauthorized("This account no longer exists.");
        }
        using (var slot = await hashing.EnterAsync(ct))
        {
            if (slot is null)
            {
                return PasswordHashGate.Busy(http);
            }
            if (await recheck.CheckAsync(user, request.Password, http) is { } refused)
            {
                return refused;
            }
        }
        var newEmail = request.NewEmail.Trim();
        if (string.Equals(users.NormalizeEmail(newEmail), user.NormalizedEmail, StringComparison.Ordinal))
        {
            return ProblemResults.Validation("newEmail", "This is already your email address.");
        }
        // Sign-up answers the same question, so this says nothing a stranger could not learn.
        if (await users.FindByEmailAsync(newEmail) is not null)
        {
            return ProblemResults.Conflict(Taken);
        }
        await emails.QueueEmailChangeAsync(user, newEmail);
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted((string?)null, new EmailChangePending(newEmail,
            $"We sent a link to {newEmail}. Your address changes when you open it; until then you sign in with {user.Email}."));
    }

    /// <summary>
    /// Applies the change the link names. The sign-in name follows the address (the old one is free for a new account);
    /// the new mailbox's welcome bonus is claimed for this account (WelcomeBonus grants at most one per account and one per
    /// mailbox), so moving an account between addresses never yields a second bonus. Other sessions end (a new stamp);
    /// the browser opening the link, when signed in to this account, stays signed in.
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ConfirmAsync(
        ConfirmEmailChangeRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn, AutoMlDbContext db,
        WelcomeBonus bonus, AntiforgeryTokens tokens, Events.LiveConnections live, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(request.UserId.ToString());
        var token = AccountEmails.Decode(request.Token);
        if (user is null || token is null)
        {
            return ProblemResults.BadRequest(LinkInvalid);
        }
        var newEmail = request.Email.Trim();
        if (string.Equals(users.NormalizeEmail(newEmail), user.NormalizedEmail, StringComparison.Ordinal))
        {
            return TypedResults.NoContent(); // a second click on a link that already did its work
        }
        var signedInHere = signIn.IsSignedIn(http.User) && users.GetUserId(http.User) == user.Id.ToString()
            && http.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme;
        // Opening a mailed link is not typing the password: the session keeps its own sign-in time.
        var signedInAt = http.User.FindFirst(RecentSignIn.AuthTimeClaim);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IdentityResult result;
        try
        {
            user.UserName = newEmail;
            result = await users.ChangeEmailAsync(user, newEmail, token);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ProblemResults.Conflict(Taken);
        }
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                ? ProblemResults.Conflict(Taken)
                : ProblemResults.BadRequest(LinkInvalid);
        }
        await bonus.GrantAsync(user, ct);
        await audit.RecordAsync(AuditActions.EmailChange, user.Id, ct, targetType: "account", targetId: user.Id.ToString(),
            detail: $"The account's email address is now {newEmail}.", actor: $"{newEmail} (confirmation link)");
        await tx.CommitAsync(ct);
        await live.CloseSessionsAsync(user.Id, "Your email address was changed.");
        if (signedInHere)
        {
            await AuthEndpoints.SignInAsync(signIn, tokens, clock, http, user, signedInAt);
        }
        return TypedResults.NoContent();
    }
}
