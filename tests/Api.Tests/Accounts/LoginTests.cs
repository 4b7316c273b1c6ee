using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;

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
    public async Task repeated_failures_lock_the_account_even_against_the_right_password()
    {
        var email = ApiFactory.NewEmail();
        await api.SignUpAsync(email);
        var browser = api.Browser();

        for (var i = 0; i < ApiFactory.LockoutAttempts - 1; i++)
        {
            var failed = await browser.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "guess " + i });
            await failed.ProblemAsync(HttpStatusCode.Unauthorized);
        }
        var last = await browser.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "final guess" });
        var locked = await browser.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        var problem = await locked.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("locked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(10));
        Assert.False(browser.HasCookie("automl.session"));
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
