namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>
/// Endpoints anyone can call without an account: each class has buckets per client address and per
/// email address, kept apart so password guessing never uses up sign-ups.
/// </summary>
public enum AuthRouteClass
{
    SignUp = 0,
    Login = 1,
    ConfirmEmail = 2,
    ResendConfirmation = 3,
    PasswordReset = 4,
}

public static class AuthRouteClassNames
{
    /// <summary>The policy name in the RateLimit headers and the buckets' Redis keys.</summary>
    public static string Name(this AuthRouteClass routeClass) => routeClass switch
    {
        AuthRouteClass.SignUp => "sign-up",
        AuthRouteClass.Login => "login",
        AuthRouteClass.ConfirmEmail => "confirm-email",
        AuthRouteClass.ResendConfirmation => "resend-confirmation",
        AuthRouteClass.PasswordReset => "password-reset",
    };
}
