using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Accounts;

public sealed class SignUpTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task signup_starts_a_session_and_confirming_the_address_makes_the_welcome_bonus_the_first_ledger_entry()
    {
        var email = ApiFactory.NewEmail();
        var browser = api.Browser();

        var signup = await browser.Http.PostAsJsonAsync("/api/v1/auth/signup", new { email, password = ApiFactory.GoodPassword, acceptTerms = true, confirmAge = true });
        var created = await signup.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(email, created.GetProperty("email").GetString());
        Assert.True(browser.HasCookie("automl.session"));

        var me = await (await browser.Http.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal(created.GetProperty("id").GetString(), me.GetProperty("id").GetString());
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal("free", me.GetProperty("tier").GetString());
        Assert.False(me.GetProperty("emailVerified").GetBoolean());
        Assert.Equal(0, (await (await browser.Http.GetAsync("/api/v1/credits")).JsonAsync()).GetProperty("balance").GetInt64());

        await api.ConfirmEmailAsync(email);
        var credits = await (await browser.Http.GetAsync("/api/v1/credits")).JsonAsync();
        Assert.Equal(100, credits.GetProperty("balance").GetInt64());
        Assert.Equal(100, credits.GetProperty("available").GetInt64());
        var entries = await (await browser.Http.GetAsync("/api/v1/credits/entries")).JsonAsync();
        var only = Assert.Single(entries.GetProperty("items").EnumerateArray());
        Assert.Equal("signupBonus", only.GetProperty("kind").GetString());
        Assert.Equal(100, only.GetProperty("amount").GetInt64());
        Assert.Equal(100, only.GetProperty("balanceAfter").GetInt64());
    }

    [Fact]
    public async Task duplicate_email_is_a_409_whatever_its_case()
    {
        var email = ApiFactory.NewEmail();
        await api.SignUpAsync(email);

        var again = await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/signup",
            new { email = email.ToUpperInvariant(), password = ApiFactory.GoodPassword, acceptTerms = true, confirmAge = true });

        var problem = await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already exists", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task weak_password_is_a_400_naming_the_rule_and_creates_nothing()
    {
        var email = ApiFactory.NewEmail();
        var response = await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/signup", new { email, password = "short", acceptTerms = true, confirmAge = true });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var messages = problem.GetProperty("errors").GetProperty("password").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains("at least 10 characters", StringComparison.Ordinal));
        Assert.False(await api.InDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == email))));
        Assert.False(await api.InDbAsync(db => Task.FromResult(db.OutboxEmails.Any(e => e.To == email))));
    }

    [Fact]
    public async Task invalid_email_and_missing_fields_are_400_per_field()
    {
        var response = await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/signup", new { email = "not-an-email" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out var email) || errors.TryGetProperty("Email", out email), errors.ToString());
        Assert.Contains("valid email", email[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("password", out _) || errors.TryGetProperty("Password", out _), errors.ToString());
    }

    [Fact]
    public async Task the_verification_email_goes_to_the_outbox_and_its_link_confirms_the_address()
    {
        var email = ApiFactory.NewEmail();
        var browser = await api.SignUpAsync(email, confirm: false);

        var outbox = await api.InDbAsync(db => Task.FromResult(db.OutboxEmails.Single(e => e.To == email)));
        Assert.Equal("verify-email", outbox.Template);
        var link = new Uri(outbox.TextBody.Split('\n').Single(l => l.Contains("/verify-email?", StringComparison.Ordinal)).Trim());
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);

        var confirm = await browser.Http.PostAsJsonAsync("/api/v1/auth/confirm-email",
            new { userId = query["userId"].ToString(), token = query["token"].ToString() });
        await confirm.EnsureStatusAsync(HttpStatusCode.NoContent);
        var me = await (await browser.Http.GetAsync("/api/v1/me")).JsonAsync();
        Assert.True(me.GetProperty("emailVerified").GetBoolean());

        var forged = await browser.Http.PostAsJsonAsync("/api/v1/auth/confirm-email",
            new { userId = query["userId"].ToString(), token = "bm90LWEtdG9rZW4" });
        await forged.ProblemAsync(HttpStatusCode.BadRequest);
    }
}
