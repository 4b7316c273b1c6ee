using System.Diagnostics;
using AutoMl.Api.Errors;
using AutoMl.Api.RateLimiting;
using AutoMl.Api.Security;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace AutoMl.Api.Accounts;

/// <summary>Forgot, reset and change password, and asking for the password again inside a session.</summary>
internal static class PasswordEndpoints
{
    private const string ResetLinkInvalid =
        "This reset link is not valid: it has expired, was already used, or a newer one was sent. Ask for a new link on the \"Forgot your password?\" page.";

    /// <summary>Both answers of forgot take at least this long, so the time taken does not tell whether a mail was queued.</summary>
    private static readonly TimeSpan ForgotAnswerTime = TimeSpan.FromMilliseconds(300);

    public static void MapPasswordEndpoints(this RouteGroupBuilder auth)
    {
        auth.MapPost("/password/forgot", ForgotAsync).AuthRateLimited<ForgotPasswordRequest>(AuthRouteClass.PasswordReset, r => r.Email);
        auth.MapPost("/password/reset", ResetAsync).AuthRateLimited(AuthRouteClass.ConfirmEmail);
        auth.MapPost("/password/change", ChangeAsync).RequireAuthorization().NotForKeys().RequireAntiforgeryForCookies();
        auth.MapPost("/reauthenticate", ReauthenticateAsync).RequireAuthorization().NotForKeys().RequireAntiforgeryForCookies()
            .AuthRateLimited(AuthRouteClass.Login);
    }

    /// <summary>Always 202 with the same body: neither the answer nor its timing says whether the address has an account.</summary>
    private static async Task<Accepted<ForgotPasswordAccepted>> ForgotAsync(
        ForgotPasswordRequest request, UserManager<AppUser> users, AccountEmails emails, AutoMlDbContext db, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var email = request.Email.Trim();
        if (await users.FindByEmailAsync(email) is { } user)
        {
            await emails.QueuePasswordResetAsync(user);
            await db.SaveChangesAsync(ct);
        }
        var left = ForgotAnswerTime - Stopwatch.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, CancellationToken.None);
        }
        return TypedResults.Accepted((string?)null, new ForgotPasswordAccepted(
            $"If an account exists for {email}, we sent a link to reset its password. It works once, for a day; check your spam folder too."));
    }

    /// <summary>
    /// Sets the new password, confirms the address (the link proved the mailbox, as the confirmation link would, welcome
    /// bonus included) and ends every session: a reset is what someone does who thinks their password is known.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ResetAsync(
        ResetPasswordRequest request, UserManager<AppUser> users, AutoMlDbContext db, WelcomeBonus bonus, AccountEmails emails,
        PasswordHashGate hashing, Events.LiveConnections live, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(request.Email.Trim());
        var token = AccountEmails.Decode(request.Token);
        if (user is null || token is null)
        {
            return ProblemResults.BadRequest(ResetLinkInvalid);
        }
        using (var slot = await hashing.EnterAsync(ct))
        {
            if (slot is null)
            {
                return PasswordHashGate.Busy(http);
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var result = await users.ResetPasswordAsync(user, token, request.NewPassword);
            if (!result.Succeeded)
            {
                return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                    ? ProblemResults.BadRequest(ResetLinkInvalid)
                    : PasswordRules(result, "newPassword");
            }
            if (!user.EmailConfirmed)
            {
                user.EmailConfirmed = true;
                await users.UpdateAsync(user);
                await bonus.GrantAsync(user, ct);
            }
            emails.QueuePasswordChanged(user, byReset: true);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(AuditActions.PasswordReset, user.Id, ct, actor: $"{user.Email} (reset link)");
            await tx.CommitAsync(ct);
        }
        await live.CloseSessionsAsync(user.Id, "Your password was reset.");
        return TypedResults.NoContent();
    }

    /// <summary>Ends every other session (a new security stamp), then signs this browser in again so it stays signed in.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ChangeAsync(
        ChangePasswordRequest request, CurrentUser current, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        AutoMlDbContext db, AccountEmails emails, PasswordRecheck recheck, PasswordHashGate hashing, AntiforgeryTokens tokens,
        Events.LiveConnections live, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await users.FindByIdAsync(current.Id.ToString()) is not { } user)
        {
            return ProblemResults.Unauthorized("This account no longer exists.");
        }
        if (await recheck.ThrottleAsync(user, http) is { } refused)
        {
            return refused;
        }
        using (var slot = await hashing.EnterAsync(ct))
        {
            if (slot is null)
            {
                return PasswordHashGate.Busy(http);
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
            if (!result.Succeeded)
            {
                if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                {
                    return ProblemResults.Problem(StatusCodes.Status400BadRequest, "Wrong password",
                        "Your current password is not correct, so the password was not changed.",
                        new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["currentPassword"] = ["Your current password is not correct."] } });
                }
                return PasswordRules(result, "newPassword");
            }
            emails.QueuePasswordChanged(user, byReset: false);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(AuditActions.PasswordChange, user.Id, ct);
            await tx.CommitAsync(ct);
        }
        await recheck.PassedAsync(user, http);
        await AuthEndpoints.SignInAsync(signIn, tokens, clock, http, user);
        await live.CloseSessionsAsync(user.Id, "Your password was changed.");
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The password again, without leaving the page: a new auth_time for this session, so the actions that need a recent
    /// sign-in (deleting the account, new API keys, billing) work for the next few minutes.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ReauthenticateAsync(
        ReauthenticateRequest request, CurrentUser current, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        PasswordRecheck recheck, PasswordHashGate hashing, AntiforgeryTokens tokens, TimeProvider clock, HttpContext http, CancellationToken ct)
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
        await AuthEndpoints.SignInAsync(signIn, tokens, clock, http, user);
        return TypedResults.NoContent();
    }

    /// <summary>The sign-up password rules, as a 400 naming the field.</summary>
    internal static ValidationProblem PasswordRules(IdentityResult result, string field)
    {
        var messages = result.Errors.Select(e => e.Description).ToArray();
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = messages },
            detail: string.Join(" ", messages), title: "The request is not valid");
    }
}
