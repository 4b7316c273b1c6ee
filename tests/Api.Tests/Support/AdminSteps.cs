using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Support;

public static class AdminSteps
{
    /// <summary>A new account given the admin role, signed in (the role is read at sign-in).</summary>
    public static async Task<BrowserClient> AdminAsync(this ApiFactory api)
    {
        var email = ApiFactory.NewEmail();
        await api.SignUpAsync(email);
        await api.GrantAdminAsync(email);
        var admin = api.Browser();
        await (await admin.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);
        return admin;
    }

    /// <summary>Gives the account the admin role, as `admin grant-role EMAIL` does; its sessions pick it up at their next sign-in.</summary>
    public static async Task GrantAdminAsync(this ApiFactory api, string email)
    {
        await using var scope = api.Services.CreateAsyncScope();
        Assert.True(await AdminRole.GrantAsync(scope.ServiceProvider, email));
    }
}
