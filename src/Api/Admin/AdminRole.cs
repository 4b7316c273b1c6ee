using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;

namespace AutoMl.Api.Admin;

internal static class AdminRole
{
    public const string Name = PlatformRoles.Admin;
    public const string Policy = "admin";

    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        // Only an admin-scope key of an admin carries the role (ApiKeyAuthenticationHandler); the key-scope check makes every
        // admin route name the scope a key needs, so a route added without one stays session-only.
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireRole(Name).AddRequirements(Accounts.KeyScopeRequirement.Instance));
        services.AddScoped<TierChange>();
        services.AddScoped<AccountSuspension>();
        return services;
    }

    /// <summary>
    /// Gives the account with this email the admin role (creating the role the first time), and records the grant in the
    /// audit trail whoever grants it; false when no such account exists.
    /// </summary>
    /// <param name="actor">Who grants it, as the trail names them.</param>
    public static async Task<bool> GrantAsync(IServiceProvider services, string email, string actor = "admin command line")
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (!await roles.RoleExistsAsync(Name))
        {
            Check(await roles.CreateAsync(new IdentityRole<Guid>(Name) { Id = Guid.CreateVersion7() }));
        }
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return false;
        }
        if (!await users.IsInRoleAsync(user, Name))
        {
            Check(await users.AddToRoleAsync(user, Name));
            // A new security stamp makes signed-in sessions pick up the role at their next check.
            Check(await users.UpdateSecurityStampAsync(user));
            await services.GetRequiredService<AuditTrail>().RecordAsync(new AuditEntry(AuditActions.RoleGrant, actor, user.Id,
                TargetType: "account", TargetId: user.Id.ToString(), Detail: "Granted the admin role."), CancellationToken.None);
        }
        return true;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Granting the admin role failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
