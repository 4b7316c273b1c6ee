using System.Net;
using System.Text.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Admin;

/// <summary>The dashboard shows the admin console from GET /me's isAdmin; it must say exactly what the admin policy lets through.</summary>
public sealed class AdminConsoleAccessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task me_says_an_admin_is_one_and_a_user_is_not_whom_the_admin_api_refuses()
    {
        var user = await api.SignUpAsync();
        var admin = await api.AdminAsync();

        Assert.False(await IsAdminAsync(user));
        Assert.True(await IsAdminAsync(admin));
        await (await user.Http.GetAsync("/api/v1/admin/audit")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.Http.GetAsync("/api/v1/admin/audit")).EnsureStatusAsync(HttpStatusCode.OK);
    }

    private static async Task<bool> IsAdminAsync(BrowserClient client)
    {
        var response = await client.Http.GetAsync("/api/v1/me");
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        using var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return me.RootElement.GetProperty("isAdmin").GetBoolean();
    }
}
