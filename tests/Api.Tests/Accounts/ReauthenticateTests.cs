using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Accounts;

/// <summary>The password asked again on the page: it renews the recent sign-in that deleting the account needs.</summary>
public sealed class ReauthenticateTests(AuthAttackApiFactory api) : IClassFixture<AuthAttackApiFactory>
{
    [Fact]
    public async Task the_password_again_lets_an_old_session_delete_the_account_and_a_wrong_one_does_not()
    {
        var email = ApiFactory.NewEmail();
        var browser = await api.SignUpFromAsync(ClientAddressHeader.NewAddress(), email);
        api.Clock.Advance(TimeSpan.FromMinutes(11));
        await (await browser.Http.DeleteAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Forbidden);

        var wrong = await browser.Http.PostAsJsonAsync("/api/v1/auth/reauthenticate", new { password = "not the password" });
        var problem = await wrong.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("password is not correct", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await browser.Http.DeleteAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Forbidden);

        await (await browser.Http.PostAsJsonAsync("/api/v1/auth/reauthenticate", new { password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.NoContent);
        await (await browser.Http.DeleteAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.NoContent);

        Assert.False(await api.InDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task a_stolen_session_guessing_the_password_is_slowed_like_the_sign_in_form()
    {
        var email = ApiFactory.NewEmail();
        var thief = await api.SignUpFromAsync(ClientAddressHeader.NewAddress(), email);
        HttpResponseMessage? throttled = null;

        // Waits double after five wrong guesses: within ten, one lands inside its wait.
        for (var guess = 0; guess < 10 && throttled is null; guess++)
        {
            var answer = await thief.Http.PostAsJsonAsync("/api/v1/auth/reauthenticate", new { password = $"guess number {guess}" });
            if (answer.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throttled = answer;
            }
            else
            {
                await answer.ProblemAsync(HttpStatusCode.BadRequest);
            }
        }

        Assert.NotNull(throttled);
        var problem = await throttled.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("Forgot your password?", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(throttled.Headers.RetryAfter);
    }
}
