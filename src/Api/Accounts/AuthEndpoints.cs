using System.Globalization;
using System.Security.Claims;
using AutoMl.Api.Errors;
using AutoMl.Api.RateLimiting;
using AutoMl.Api.Security;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Accounts;

internal static class AuthEndpoints
{
    private const string WrongCredentials = "The email or password is incorrect.";

    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts");
        auth.MapPost("/signup", SignUpAsync).AuthRateLimited<SignupRequest>(AuthRouteClass.SignUp, r => r.Email);
        auth.MapPost("/login", LogInAsync).AuthRateLimited<LoginRequest>(AuthRouteClass.Login, r => r.Email,
            knownDevice: (http, address) => http.RequestServices.GetRequiredService<LoginDevices>().DeviceOf(http, address));
        auth.MapPost("/logout", LogOutAsync).RequireAuthorization().RequireAntiforgeryForCookies();
        auth.MapPost("/confirm-email", ConfirmEmailAsync).AuthRateLimited<ConfirmEmailRequest>(AuthRouteClass.ConfirmEmail, r => r.UserId.ToString());
        auth.MapPost("/resend-confirmation", ResendConfirmationAsync).RequireAuthorization().RequireAntiforgeryForCookies()
            .AuthRateLimited(AuthRouteClass.ResendConfirmation);
        auth.MapPasswordEndpoints();
        auth.MapPost("/confirm-email-change", EmailChangeEndpoints.ConfirmAsync)
            .AuthRateLimited<ConfirmEmailChangeRequest>(AuthRouteClass.ConfirmEmail, r => r.UserId.ToString());
        auth.MapGet("/antiforgery", (HttpContext http, AntiforgeryTokens tokens) =>
        {
            tokens.Issue(http, http.User);
            return TypedResults.NoContent();
        });
    }

    private static async Task<Results<Created<AccountCreated>, ProblemHttpResult, ValidationProblem>> SignUpAsync(
        SignupRequest request, SignUp signUp, SignInManager<AppUser> signIn, AntiforgeryTokens tokens, PasswordHashGate hashing,
        LoginDevices devices, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        SignUpResult result;
        using (var slot = await hashing.EnterAsync(ct))
        {
            if (slot is null)
            {
                return PasswordHashGate.Busy(http);
            }
            result = await signUp.RunAsync(request, ct);
        }
        switch (result)
        {
            case SignUpResult.Created(var user):
                await SignInAsync(signIn, tokens, clock, http, user);
                devices.Remember(http, EmailAddressKey.Normalise(user.Email));
                return TypedResults.Created("/api/v1/me", new AccountCreated(user.Id, user.Email!));
            case SignUpResult.DuplicateEmail:
                return ProblemResults.Conflict("An account with this email address already exists. Sign in instead, or use another address.");
            case SignUpResult.Invalid(var errors):
                return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.SelectMany(e => e.Value)),
                    title: "The request is not valid");
            default:
                throw new InvalidOperationException("Unknown sign-up result.");
        }
    }

    /// <summary>
    /// Every step is the same whether or not the address has an account (throttle, hash, answer), so
    /// neither the status, the body nor the throttling tells a guesser which addresses exist.
    /// </summary>
    private static async Task<Results<Ok<AccountCreated>, ProblemHttpResult>> LogInAsync(
        LoginRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn, AntiforgeryTokens tokens,
        LoginThrottle throttle, LoginDevices devices, PasswordHashGate hashing, AuditLog audit, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var address = EmailAddressKey.Normalise(request.Email);
        var client = devices.ClientOf(http, address);
        var wait = await throttle.AttemptAsync(address, client);
        if (wait > TimeSpan.Zero)
        {
            await audit.RecordAsync(AuditActions.SignInThrottled, (await users.FindByEmailAsync(request.Email.Trim()))?.Id, ct, AuditOutcomes.Refused,
                detail: $"Too many attempts for {address}; the next is allowed in {Math.Ceiling(wait.TotalSeconds)} s.", actor: address);
            return PasswordRecheck.TooManyAttempts(http, wait);
        }
        using (var slot = await hashing.EnterAsync(ct))
        {
            if (slot is null)
            {
                return PasswordHashGate.Busy(http);
            }
            var user = await users.FindByEmailAsync(request.Email.Trim());
            if (user is null)
            {
                // Hash anyway, so the answer takes as long whether or not the address has an account.
                users.PasswordHasher.HashPassword(new AppUser(), request.Password);
                await audit.RecordAsync(AuditActions.SignIn, null, ct, AuditOutcomes.Failure, detail: "No account has this address.", actor: address);
                return ProblemResults.Unauthorized(WrongCredentials);
            }
            var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: false);
            if (!result.Succeeded)
            {
                // A lockout set before lockout was turned off reads as a wrong password too: it must not confirm the account.
                await audit.RecordAsync(AuditActions.SignIn, user.Id, ct, AuditOutcomes.Failure, detail: "Wrong password.", actor: user.Email);
                return ProblemResults.Unauthorized(WrongCredentials);
            }
            await throttle.SucceededAsync(address, client);
            if (user.SuspendedAt is not null)
            {
                // Only after the right password: a guesser learns nothing about the account.
                await audit.RecordAsync(AuditActions.SignIn, user.Id, ct, AuditOutcomes.Refused, detail: "The account is suspended.", actor: user.Email);
                return AccountSuspended.Problem(http);
            }
            await SignInAsync(signIn, tokens, clock, http, user);
            await audit.RecordAsync(AuditActions.SignIn, user.Id, ct, actor: $"{user.Email} (password)");
            devices.Remember(http, address);
            return TypedResults.Ok(new AccountCreated(user.Id, user.Email!));
        }
    }

    private static async Task<NoContent> LogOutAsync(
        SignInManager<AppUser> signIn, UserManager<AppUser> users, CurrentUser current, Events.LiveConnections live)
    {
        // A new security stamp kills every copy of the session cookie, not just this browser's.
        if (await users.FindByIdAsync(current.Id.ToString()) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        await live.CloseSessionsAsync(current.Id);
        return TypedResults.NoContent();
    }

    /// <summary>Confirms the address and, in the same transaction, grants the welcome bonus if its mailbox never had one.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ConfirmEmailAsync(
        ConfirmEmailRequest request, UserManager<AppUser> users, AutoMlDbContext db, WelcomeBonus bonus, CancellationToken ct)
    {
        const string invalid = "This confirmation link is not valid or has expired. Sign in and ask for a new one.";
        var user = await users.FindByIdAsync(request.UserId.ToString());
        if (user is null || AccountEmails.Decode(request.Token) is not { } token)
        {
            return ProblemResults.BadRequest(invalid);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.ConfirmEmailAsync(user, token);
        if (!result.Succeeded)
        {
            // A double click: the other request confirmed the address (and granted the bonus) first.
            var confirmedMeanwhile = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                && await db.Users.AsNoTracking().AnyAsync(u => u.Id == user.Id && u.EmailConfirmed, ct);
            return confirmedMeanwhile ? TypedResults.NoContent() : ProblemResults.BadRequest(invalid);
        }
        await bonus.GrantAsync(user, ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> ResendConfirmationAsync(
        CurrentUser current, UserManager<AppUser> users, SignUpEmails emails, AuthRateLimits limits, HttpContext http,
        TimeProvider clock, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(current.Id.ToString());
        if (user is null)
        {
            return ProblemResults.Unauthorized("This account no longer exists.");
        }
        if (user.EmailConfirmed)
        {
            return ProblemResults.Conflict("This email address is already confirmed.");
        }
        if (await limits.TakeResendAsync(EmailAddressKey.Normalise(user.Email)) is { Allowed: false } refused)
        {
            var seconds = RateLimitHeaders.RetryAfterSeconds(refused);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            var next = clock.GetUtcNow().AddSeconds(seconds);
            return ProblemResults.Problem(StatusCodes.Status429TooManyRequests, "Too many confirmation emails",
                string.Create(CultureInfo.InvariantCulture,
                    $"A confirmation email was sent recently: check your inbox and spam folder. You can ask for another one {When(seconds)} (at {next:yyyy-MM-dd HH:mm} UTC)."),
                new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds, ["nextPossibleAt"] = next });
        }
        await emails.QueueVerificationAsync(user, ct);
        return TypedResults.Accepted((string?)null);
    }

    private static string When(int seconds) => seconds switch
    {
        < 90 => string.Create(CultureInfo.InvariantCulture, $"in {seconds} seconds"),
        < 5400 => string.Create(CultureInfo.InvariantCulture, $"in {Math.Ceiling(seconds / 60.0)} minutes"),
        _ => string.Create(CultureInfo.InvariantCulture, $"in {Math.Ceiling(seconds / 3600.0)} hours"),
    };

    /// <summary>A new session cookie, signed in now unless it keeps the sign-in time of the session it replaces, and its anti-forgery token.</summary>
    internal static async Task SignInAsync(SignInManager<AppUser> signIn, AntiforgeryTokens tokens, TimeProvider clock, HttpContext http, AppUser user,
        Claim? keepSignInTime = null)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(keepSignInTime is null
            ? RecentSignIn.Claim(clock.GetUtcNow())
            : new Claim(RecentSignIn.AuthTimeClaim, keepSignInTime.Value, ClaimValueTypes.Integer64));
        await signIn.Context.SignInAsync(IdentityConstants.ApplicationScheme, principal);
        tokens.Issue(http, principal);
    }
}
