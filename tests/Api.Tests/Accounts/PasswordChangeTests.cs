using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Accounts;

public sealed class PasswordChangeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task a_change_keeps_this_browser_signed_in_and_signs_out_every_other_one()
    {
        var email = ApiFactory.NewEmail();
        var here = await api.SignUpAsync(email);
        var elsewhere = api.Browser();
        await (await elsewhere.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);

        var change = await here.Http.PostAsJsonAsync("/api/v1/auth/password/change", new { currentPassword = ApiFactory.GoodPassword, newPassword = NewPassword });

        await change.EnsureStatusAsync(HttpStatusCode.NoContent);
        await (await here.Http.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);
        // Still a working session for changes too: the anti-forgery token was issued for the new cookie.
        await (await here.Http.PatchAsJsonAsync("/api/v1/me", new { notifyLowBalance = false })).EnsureStatusAsync(HttpStatusCode.OK);
        await (await elsewhere.Http.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword })).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = NewPassword })).EnsureStatusAsync(HttpStatusCode.OK);
        var notice = Assert.Single(await api.MailsToAsync(email, "password-changed"));
        Assert.Contains("changed from the Settings page", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_wrong_current_password_changes_nothing_and_signs_no_one_out()
    {
        var email = ApiFactory.NewEmail();
        var here = await api.SignUpAsync(email);
        var elsewhere = api.Browser();
        await (await elsewhere.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);

        var change = await here.Http.PostAsJsonAsync("/api/v1/auth/password/change", new { currentPassword = "a guess at the password", newPassword = NewPassword });

        var problem = await change.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("current password is not correct", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await here.Http.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);
        await (await elsewhere.Http.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);
        await (await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Empty(await api.MailsToAsync(email, "password-changed"));
    }

    [Fact]
    public async Task a_new_password_must_follow_the_sign_up_rules()
    {
        var here = await api.SignUpAsync();

        var change = await here.Http.PostAsJsonAsync("/api/v1/auth/password/change", new { currentPassword = ApiFactory.GoodPassword, newPassword = "aaaaaaaaaaaa" });

        var problem = await change.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("newPassword", out _), problem.ToString());
    }

    [Fact]
    public async Task an_api_key_of_any_scope_cannot_change_the_password_the_email_or_the_settings()
    {
        var email = ApiFactory.NewEmail();
        var browser = await api.SignUpAsync(email);
        var key = api.WithKey(await api.CreateApiKeyAsync(browser, scope: "full"));

        var refused = new[]
        {
            await key.PostAsJsonAsync("/api/v1/auth/password/change", new { currentPassword = ApiFactory.GoodPassword, newPassword = NewPassword }),
            await key.PatchAsJsonAsync("/api/v1/me", new { notifyJobFinished = false }),
            await key.PostAsJsonAsync("/api/v1/me/email", new { newEmail = ApiFactory.NewEmail(), password = ApiFactory.GoodPassword }),
            await key.PostAsJsonAsync("/api/v1/auth/reauthenticate", new { password = ApiFactory.GoodPassword }),
        };

        foreach (var answer in refused)
        {
            var problem = await answer.ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("session", problem.GetProperty("requiredScope").GetString());
        }
        // What a key may do: read the account, settings included.
        var me = await (await key.GetAsync("/api/v1/me")).JsonAsync();
        Assert.True(me.GetProperty("notifyJobFinished").GetBoolean());
        await (await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);
    }
}
