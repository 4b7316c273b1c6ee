using System.Text;
using AutoMl.Api.Errors;
using AutoMl.Api.Security;
using AutoMl.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace AutoMl.Api.Accounts;

internal static class AuthEndpoints
{
    private const string WrongCredentials = "The email or password is incorrect.";

    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts");
        auth.MapPost("/signup", SignUpAsync);
        auth.MapPost("/login", LogInAsync);
        auth.MapPost("/logout", LogOutAsync).RequireAuthorization().RequireAntiforgeryForCookies();
        auth.MapPost("/confirm-email", ConfirmEmailAsync);
        auth.MapPost("/resend-confirmation", ResendConfirmationAsync).RequireAuthorization().RequireAntiforgeryForCookies();
        auth.MapGet("/antiforgery", (HttpContext http, AntiforgeryTokens tokens) =>
        {
            tokens.Issue(http, http.User);
            return TypedResults.NoContent();
        });
    }

    private static async Task<Results<Created<AccountCreated>, ProblemHttpResult, ValidationProblem>> SignUpAsync(
        SignupRequest request, SignUp signUp, SignInManager<AppUser> signIn, AntiforgeryTokens tokens, HttpContext http, CancellationToken ct)
    {
        switch (await signUp.RunAsync(request, ct))
        {
            case SignUpResult.Created(var user):
                await SignInAsync(signIn, tokens, http, user);
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

    private static async Task<Results<Ok<AccountCreated>, ProblemHttpResult>> LogInAsync(
        LoginRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn, AntiforgeryTokens tokens,
        HttpContext http, TimeProvider clock)
    {
        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            // Hash anyway, so the answer takes as long whether or not the address has an account.
            users.PasswordHasher.HashPassword(new AppUser(), request.Password);
            return ProblemResults.Unauthorized(WrongCredentials);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            var end = await users.GetLockoutEndDateAsync(user) ?? clock.GetUtcNow();
            var seconds = Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ProblemResults.Problem(StatusCodes.Status429TooManyRequests, "Account locked",
                $"Too many failed sign-in attempts: this account is locked for {Math.Ceiling(seconds / 60.0)} more minute(s). Try again later or reset your password.");
        }
        if (!result.Succeeded)
        {
            return ProblemResults.Unauthorized(WrongCredentials);
        }
        await SignInAsync(signIn, tokens, http, user);
        return TypedResults.Ok(new AccountCreated(user.Id, user.Email!));
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

    private static async Task<Results<NoContent, ProblemHttpResult>> ConfirmEmailAsync(
        ConfirmEmailRequest request, UserManager<AppUser> users)
    {
        const string invalid = "This confirmation link is not valid or has expired. Sign in and ask for a new one.";
        var user = await users.FindByIdAsync(request.UserId.ToString());
        if (user is null)
        {
            return ProblemResults.BadRequest(invalid);
        }
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(request.Token));
        }
        catch (FormatException)
        {
            return ProblemResults.BadRequest(invalid);
        }
        var result = await users.ConfirmEmailAsync(user, token);
        return result.Succeeded ? TypedResults.NoContent() : ProblemResults.BadRequest(invalid);
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> ResendConfirmationAsync(
        CurrentUser current, UserManager<AppUser> users, SignUpEmails emails, CancellationToken ct)
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
        await emails.QueueVerificationAsync(user, ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task SignInAsync(SignInManager<AppUser> signIn, AntiforgeryTokens tokens, HttpContext http, AppUser user)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        await signIn.Context.SignInAsync(IdentityConstants.ApplicationScheme, principal);
        tokens.Issue(http, principal);
    }
}
