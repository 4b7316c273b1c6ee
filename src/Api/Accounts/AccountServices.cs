using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace AutoMl.Api.Accounts;

internal static class AccountServices
{
    public const string SmartScheme = "cookie-or-key";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                // NIST SP 800-63B: length over composition rules.
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // No account lockout: it let anyone lock the owner out and told them the account existed.
                // Guessing is slowed per (address, client) by LoginThrottle and the sign-in buckets instead.
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AutoMlDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<ISecurityStampValidator, SuspensionAwareStampValidator>();
        services.AddSingleton<SessionRevocations>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionRevocations>());
        services.AddSingleton<ApiKeyPrincipals>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyPrincipals>());
        services.AddSingleton<ApiKeyReads>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyUsage>());
        services.Configure<SignInSessionOptions>(configuration.GetSection(SignInSessionOptions.Section));
        var sessions = configuration.GetSection(SignInSessionOptions.Section).Get<SignInSessionOptions>() ?? new SignInSessionOptions();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromSeconds(sessions.RecheckSeconds);
            o.OnRefreshingPrincipal = RecentSignIn.KeepSignInTime;
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or API key", o =>
                o.ForwardDefaultSelector = ctx => ApiKeyAuthenticationHandler.CarriesKey(ctx.Request)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
            {
                o.Cookie.Name = "automl.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure: always outside Development (Security/CookieSecurity.cs).
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionRevocations.ValidatePrincipalAsync;
                o.Events.OnRedirectToLogin = ctx => AuthProblems.WriteAsync(ctx.HttpContext, StatusCodes.Status401Unauthorized,
                    "Sign in, or send an API key as 'Authorization: Bearer aml_…'.");
                o.Events.OnRedirectToAccessDenied = ctx => AuthProblems.WriteAsync(ctx.HttpContext, StatusCodes.Status403Forbidden,
                    "Your account is not allowed to do this.");
            });
        // Every RequireAuthorization() and [Authorize] also checks an API key's scope against the endpoint's KeyScopeMetadata.
        services.AddAuthorizationBuilder().SetDefaultPolicy(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(KeyScopeRequirement.Instance)
            .Build());
        services.AddSingleton<IAuthorizationHandler, KeyScopeHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, KeyScopeProblemWriter>();
        services.AddScoped<SignUp>();
        services.AddScoped<ExportRequests>();
        services.AddScoped<SignUpEmails>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<PasswordRecheck>();
        services.AddScoped<WelcomeBonus>();
        services.AddScoped<AccountDeletion>();
        services.AddSingleton<LoginDevices>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        return services;
    }
}
