using System.Net;
using System.Net.Http.Json;
using System.Text;
using AutoMl.Api.Admin;
using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Platform;

/// <summary>The API without rate limits: the test sends more requests than a free plan's burst, and its subject is the cursor.</summary>
public sealed class UnlimitedApiFactory : ApiFactory
{
    protected override void ConfigurePlatform(IWebHostBuilder builder) => builder.UseSetting("AutoMl:RateLimits:Enabled", "false");
}

public sealed class CursorTests(UnlimitedApiFactory api) : IClassFixture<UnlimitedApiFactory>
{
    private static readonly string[] Forged =
    [
        "garbage!!",
        "abcde", // truncated base64: a length no encoding produces
        Base64("hello world"),
        Base64($"notanumber|{Guid.NewGuid()}"),
        Base64($"-5|{Guid.NewGuid()}"), // ticks before year 1
        Base64($"{long.MaxValue}|{Guid.NewGuid()}"), // ticks past year 9999
        Base64($"{DateTimeOffset.MaxValue.UtcTicks + 1}|{Guid.NewGuid()}"),
        Base64("1|2|3"),
    ];

    [Fact]
    public async Task a_garbage_cursor_is_a_400()
    {
        var email = ApiFactory.NewEmail();
        var user = await api.SignUpAsync(email);
        var me = await (await user.Http.GetAsync("/api/v1/me")).JsonAsync();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            Assert.True(await AdminRole.GrantAsync(scope.ServiceProvider, email));
        }
        var admin = api.Browser();
        await (await admin.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);

        var lists = new[] { "/api/v1/jobs", "/api/v1/datasets", "/api/v1/credits/entries", $"/api/v1/admin/users/{me.GetProperty("id").GetString()}/ledger" };
        foreach (var list in lists)
        {
            foreach (var cursor in Forged)
            {
                var response = await admin.Http.GetAsync($"{list}?cursor={Uri.EscapeDataString(cursor)}");
                var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
                Assert.Contains("cursor", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
            await (await admin.Http.GetAsync(list)).EnsureStatusAsync(HttpStatusCode.OK);
        }
    }

    private static string Base64(string text) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(text));
}
