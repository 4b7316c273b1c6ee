using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Accounts;

public sealed class PasswordResetTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task forgot_answers_a_missing_address_exactly_like_a_real_one_and_mails_only_the_real_one()
    {
        var real = ApiFactory.NewEmail();
        await api.SignUpAsync(real);
        var missing = ApiFactory.NewEmail();
        using var anonymous = api.CreateClient();

        var forReal = await anonymous.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = real });
        var forMissing = await anonymous.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = missing });

        Assert.Equal(HttpStatusCode.Accepted, forReal.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, forMissing.StatusCode);
        var realBody = (await forReal.Content.ReadAsStringAsync()).Replace(real, "<address>", StringComparison.Ordinal);
        var missingBody = (await forMissing.Content.ReadAsStringAsync()).Replace(missing, "<address>", StringComparison.Ordinal);
        Assert.Equal(realBody, missingBody);
        Assert.Contains("If an account exists for <address>", realBody, StringComparison.Ordinal);
        Assert.Equal(forReal.Content.Headers.ContentType?.ToString(), forMissing.Content.Headers.ContentType?.ToString());
        Assert.Equal(forReal.Headers.Select(h => h.Key).Order(), forMissing.Headers.Select(h => h.Key).Order());

        var mail = Assert.Single(await api.MailsToAsync(real, "password-reset"));
        Assert.Contains("/reset-password?email=", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(await api.MailsToAsync(missing, "password-reset"));
    }

    [Fact]
    public async Task a_reset_link_sets_the_password_once_and_signs_out_every_session()
    {
        var email = ApiFactory.NewEmail();
        var session = await api.SignUpAsync(email);
        await (await api.CreateClient().PostAsJsonAsync("/api/v1/auth/password/forgot", new { email })).EnsureStatusAsync(HttpStatusCode.Accepted);
        var link = await api.LinkQueryAsync(email, "password-reset", "/reset-password");
        Assert.Equal(email, link["email"]);
        using var mailApp = api.CreateClient();

        var reset = await mailApp.PostAsJsonAsync("/api/v1/auth/password/reset", new { email, token = link["token"], newPassword = NewPassword });

        await reset.EnsureStatusAsync(HttpStatusCode.NoContent);
        await (await session.Http.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        var old = await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword });
        await old.ProblemAsync(HttpStatusCode.Unauthorized);
        var fresh = await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = NewPassword });
        await fresh.EnsureStatusAsync(HttpStatusCode.OK);
        var notice = Assert.Single(await api.MailsToAsync(email, "password-changed"));
        Assert.Contains("/forgot-password", notice.TextBody, StringComparison.Ordinal);

        var again = await mailApp.PostAsJsonAsync("/api/v1/auth/password/reset", new { email, token = link["token"], newPassword = "yet another passphrase" });
        var problem = await again.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("already used", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = NewPassword })).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_weak_new_password_changes_nothing_and_leaves_the_link_usable()
    {
        var email = ApiFactory.NewEmail();
        await api.SignUpAsync(email);
        await (await api.CreateClient().PostAsJsonAsync("/api/v1/auth/password/forgot", new { email })).EnsureStatusAsync(HttpStatusCode.Accepted);
        var token = (await api.LinkQueryAsync(email, "password-reset", "/reset-password"))["token"];
        using var http = api.CreateClient();

        var weak = await http.PostAsJsonAsync("/api/v1/auth/password/reset", new { email, token, newPassword = "short" });

        var problem = await weak.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("at least 10 characters", problem.GetProperty("errors").GetProperty("newPassword")[0].GetString(), StringComparison.Ordinal);
        await (await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Empty(await api.MailsToAsync(email, "password-changed"));
        await (await http.PostAsJsonAsync("/api/v1/auth/password/reset", new { email, token, newPassword = NewPassword })).EnsureStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task a_forged_or_foreign_token_is_refused_in_plain_words()
    {
        var victim = ApiFactory.NewEmail();
        await api.SignUpAsync(victim);
        var attacker = ApiFactory.NewEmail();
        await api.SignUpAsync(attacker);
        await (await api.CreateClient().PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = attacker })).EnsureStatusAsync(HttpStatusCode.Accepted);
        var attackersToken = (await api.LinkQueryAsync(attacker, "password-reset", "/reset-password"))["token"];
        using var http = api.CreateClient();

        foreach (var token in new[] { attackersToken, "bm90IGEgdG9rZW4", "%%%" })
        {
            var refused = await http.PostAsJsonAsync("/api/v1/auth/password/reset", new { email = victim, token, newPassword = NewPassword });
            var problem = await refused.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("reset link is not valid", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        await (await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email = victim, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_reset_confirms_an_unconfirmed_address_and_grants_its_welcome_bonus_once()
    {
        var email = ApiFactory.NewEmail();
        await api.SignUpAsync(email, confirm: false);
        await (await api.CreateClient().PostAsJsonAsync("/api/v1/auth/password/forgot", new { email })).EnsureStatusAsync(HttpStatusCode.Accepted);
        var token = (await api.LinkQueryAsync(email, "password-reset", "/reset-password"))["token"];

        await (await api.CreateClient().PostAsJsonAsync("/api/v1/auth/password/reset", new { email, token, newPassword = NewPassword })).EnsureStatusAsync(HttpStatusCode.NoContent);

        var browser = api.Browser();
        await (await browser.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = NewPassword })).EnsureStatusAsync(HttpStatusCode.OK);
        var me = await (await browser.Http.GetAsync("/api/v1/me")).JsonAsync();
        Assert.True(me.GetProperty("emailVerified").GetBoolean());
        Assert.Equal("granted", me.GetProperty("welcomeBonus").GetString());
    }
}
