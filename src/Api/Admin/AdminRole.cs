using AutoMl.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AutoMl.Api.Admin;

internal static class AdminRole
{
    public const string Name = "admin";
    public const string Policy = "admin";

    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireRole(Name));
        services.AddScoped<TierChange>();
        services.AddScoped<AccountSuspension>();
        return services;
    }

    /// <summary>Gives the account with this email the admin role (creating the role the first time); false when no such account exists.</summary>
    public static async Task<bool> GrantAsync(IServiceProvider services, string email)
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
