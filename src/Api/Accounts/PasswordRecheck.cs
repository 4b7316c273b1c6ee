using System.Globalization;
using AutoMl.Api.Errors;
using AutoMl.Api.RateLimiting;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace AutoMl.Api.Accounts;

/// <summary>
/// The password asked again inside a session (change password, change email, confirm before deleting): throttled per
/// (address, client) like sign-in, so a stolen session cannot guess the password faster than a stranger at the sign-in
/// form. Each call counts as an attempt before the password is checked; a right password forgets this client's attempts.
/// </summary>
internal sealed class PasswordRecheck(UserManager<AppUser> users, LoginThrottle throttle, LoginDevices devices)
{
    public const string WrongPassword = "The password is not correct. Enter the password you sign in with.";

    /// <summary>A 429 problem when this client must wait before its next attempt; null when it may try now.</summary>
    public async Task<ProblemHttpResult?> ThrottleAsync(AppUser user, HttpContext http)
    {
        var address = EmailAddressKey.Normalise(user.Email);
        var wait = await throttle.AttemptAsync(address, devices.ClientOf(http, address));
        return wait > TimeSpan.Zero ? TooManyAttempts(http, wait) : null;
    }

    public Task PassedAsync(AppUser user, HttpContext http)
    {
        var address = EmailAddressKey.Normalise(user.Email);
        return throttle.SucceededAsync(address, devices.ClientOf(http, address));
    }

    /// <summary>Throttles, then checks the password; null when it is right.</summary>
    public async Task<ProblemHttpResult?> CheckAsync(AppUser user, string password, HttpContext http)
    {
        if (await ThrottleAsync(user, http) is { } refused)
        {
            return refused;
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            return WrongPasswordProblem();
        }
        await PassedAsync(user, http);
        return null;
    }

    /// <summary>A 400, not a 401: the session is fine, only the password typed is wrong (the dashboard must not sign out).</summary>
    public static ProblemHttpResult WrongPasswordProblem() =>
        ProblemResults.Problem(StatusCodes.Status400BadRequest, "Wrong password", WrongPassword,
            new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["password"] = [WrongPassword] } });

    public static ProblemHttpResult TooManyAttempts(HttpContext http, TimeSpan wait)
    {
        var seconds = RateLimitHeaders.RetryAfterSeconds(wait);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ProblemResults.Problem(StatusCodes.Status429TooManyRequests, "Too many sign-in attempts",
            string.Create(CultureInfo.InvariantCulture,
                $"Too many password attempts for this email address from this device or network. Wait {seconds} second{(seconds == 1 ? "" : "s")} before trying again, or choose a new password through \"Forgot your password?\" on the sign-in page (/forgot-password)."),
            new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds, ["forgotPassword"] = "/forgot-password" });
    }
}
