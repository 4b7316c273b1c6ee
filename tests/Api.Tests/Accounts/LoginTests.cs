using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Accounts;

public sealed class LoginTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task login_with_the_right_password_starts_a_session()
    {
        var email = ApiFactory.NewEmail();
        await api.SignUpAsync(email);
        var browser = api.Browser();

        var login = await browser.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword });

        await login.EnsureStatusAsync(HttpStatusCode.OK);
        var me = await (await browser.Http.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal(email, me.GetProperty("email").GetString());
    }

    [Fact]
    public async Task wrong_password_and_unknown_email_get_the_same_401()
    {
        var email = ApiFactory.NewEmail();
        await api.SignUpAsync(email);

        var wrongPassword = await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "not the password" });
        var unknownEmail = await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email = ApiFactory.NewEmail(), password = "not the password" });

        var first = await wrongPassword.ProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownEmail.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
        Assert.DoesNotContain("password is wrong", first.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task repeated_failures_never_lock_the_account()
    {
        var email = ApiFactory.NewEmail();
        await api.SignUpAsync(email);
        var stranger = api.Browser();

        for (var i = 0; i < 10; i++)
        {
            var failed = await stranger.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "guess " + i });
            await failed.ProblemAsync(HttpStatusCode.Unauthorized);
        }
        var owner = api.Browser();
        var login = await owner.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword });

        await login.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.True(owner.HasCookie("automl.session"));
        Assert.Null(await api.InDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task logout_ends_the_session_for_every_copy_of_the_cookie()
    {
        var browser = await api.SignUpAsync();
        var stolen = browser.Cookies.GetCookieHeader(new Uri("http://localhost"));

        var logout = await browser.Http.PostAsync("/api/v1/auth/logout", null);
        await logout.EnsureStatusAsync(HttpStatusCode.NoContent);

        await (await browser.Http.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        var replay = api.CreateClient();
        replay.DefaultRequestHeaders.Add("Cookie", stolen);
        await (await replay.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
