using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Admin;
using AutoMl.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Admin;

public sealed class HangfireDashboardTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task the_hangfire_dashboard_is_for_admins_only()
    {
        await (await api.CreateClient().GetAsync("/hangfire")).ProblemAsync(HttpStatusCode.Unauthorized);
        var user = await api.SignUpAsync();
        await (await user.Http.GetAsync("/hangfire")).ProblemAsync(HttpStatusCode.Forbidden);

        var email = ApiFactory.NewEmail();
        await api.SignUpAsync(email);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            Assert.True(await AdminRole.GrantAsync(scope.ServiceProvider, email));
        }
        var admin = api.Browser();
        await (await admin.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);

        var page = await admin.Http.GetAsync("/hangfire");
        await page.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains("AutoMl jobs", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
