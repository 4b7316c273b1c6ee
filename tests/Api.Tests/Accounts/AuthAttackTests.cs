using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AutoMl.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Accounts;

/// <summary>Attacks on the anonymous sign-in endpoints, against the production limits.</summary>
public sealed partial class AuthAttackTests(AuthAttackApiFactory api) : IClassFixture<AuthAttackApiFactory>
{
    private const int SignUpsPerClient = 5;
    private const int LoginsPerAddress = 5;
    private const int FreeAttempts = 5;

    [Fact]
    public async Task signups_from_one_address_beyond_the_bucket_are_refused()
    {
        var attacker = ClientAddressHeader.NewAddress();
        for (var i = 0; i < SignUpsPerClient; i++)
        {
            await api.SignUpFromAsync(attacker, ApiFactory.NewEmail());
        }

        var email = ApiFactory.NewEmail();
        var refused = await api.BrowserFrom(attacker).Http.PostAsJsonAsync("/api/v1/auth/signup", new { email, password = ApiFactory.GoodPassword, acceptTerms = true, confirmAge = true });

        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromMinutes(5), $"Retry-After {refused.Headers.RetryAfter}");
        Assert.Contains("Wait", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await api.InDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        // Someone else, elsewhere, is not held back by that client's bucket.
        await api.SignUpFromAsync(ClientAddressHeader.NewAddress(), ApiFactory.NewEmail());
    }

    [Fact]
    public async Task password_guessing_against_one_address_is_throttled()
    {
        var email = ApiFactory.NewEmail();
        await api.SignUpFromAsync(ClientAddressHeader.NewAddress(), email);
        var guesser = api.BrowserFrom(ClientAddressHeader.NewAddress());
        for (var i = 0; i < FreeAttempts; i++)
        {
            await (await Login(guesser, email, "guess " + i)).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        var throttled = await Login(guesser, email, "one more guess");
        var evenTheRightOne = await Login(guesser, email, ApiFactory.GoodPassword);

        await throttled.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(throttled.Headers.RetryAfter?.Delta);
        await evenTheRightOne.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.False(guesser.HasCookie("automl.session"));
    }

    [Fact]
    public async Task password_guessing_from_many_client_addresses_is_refused_per_address()
    {
        var email = ApiFactory.NewEmail();
        await api.SignUpFromAsync(ClientAddressHeader.NewAddress(), email);
        for (var i = 0; i < LoginsPerAddress; i++)
        {
            await (await Login(api.BrowserFrom(ClientAddressHeader.NewAddress()), email, "guess " + i)).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        var fromYetAnotherAddress = await Login(api.BrowserFrom(ClientAddressHeader.NewAddress()), email, ApiFactory.GoodPassword);

        await fromYetAnotherAddress.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(fromYetAnotherAddress.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task a_stranger_failing_logins_cannot_lock_the_owner_out()
    {
        var email = ApiFactory.NewEmail();
        var home = ClientAddressHeader.NewAddress();
        var office = ClientAddressHeader.NewAddress();
        var owner = await api.SignUpFromAsync(home, email);
        await (await owner.Http.PostAsync("/api/v1/auth/logout", null)).EnsureStatusAsync(HttpStatusCode.NoContent);
        var stranger = api.BrowserFrom(office);

        for (var i = 0; i < 3 * FreeAttempts; i++)
        {
            var failed = await Login(stranger, email, "guess " + i);
            Assert.Contains(failed.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests });
        }

        // The owner's browser from home, and the same browser in the stranger's office (one shared address), both get in.
        await (await Login(owner, email, ApiFactory.GoodPassword)).EnsureStatusAsync(HttpStatusCode.OK);
        await (await owner.Http.PostAsync("/api/v1/auth/logout", null)).EnsureStatusAsync(HttpStatusCode.NoContent);
        owner.Http.DefaultRequestHeaders.Remove(ClientAddressHeader.Header);
        owner.Http.DefaultRequestHeaders.Add(ClientAddressHeader.Header, office);
        await (await Login(owner, email, ApiFactory.GoodPassword)).EnsureStatusAsync(HttpStatusCode.OK);
        await (await owner.Http.GetAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task throttled_answers_do_not_reveal_whether_an_account_exists()
    {
        var existing = ApiFactory.NewEmail();
        await api.SignUpFromAsync(ClientAddressHeader.NewAddress(), existing);

        var forExisting = await GuessAsync(existing);
        var forUnknown = await GuessAsync(ApiFactory.NewEmail());

        Assert.Equal(forExisting, forUnknown);
        Assert.Contains(forExisting, a => a.StartsWith("429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task confirmation_resends_are_limited_per_address()
    {
        var email = ApiFactory.NewEmail();
        var user = await api.SignUpFromAsync(ClientAddressHeader.NewAddress(), email);
        var other = await api.SignUpFromAsync(ClientAddressHeader.NewAddress(), ApiFactory.NewEmail());

        await (await Resend(user)).EnsureStatusAsync(HttpStatusCode.Accepted);
        var tooSoon = await Resend(user);
        var tooSoonProblem = await tooSoon.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(tooSoon.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(AuthAttackApiFactory.ResendIntervalSeconds));
        Assert.Contains("another one in", tooSoonProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Another address has its own allowance.
        await (await Resend(other)).EnsureStatusAsync(HttpStatusCode.Accepted);

        // Spaced out, the address still gets only five a day.
        for (var sent = 1; sent < 5; sent++)
        {
            await ResendWhenAllowedAsync(user);
        }
        var sixth = await ResendAfterTheIntervalAsync(user);

        var problem = await sixth.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(sixth.Headers.RetryAfter?.Delta > TimeSpan.FromHours(1), $"Retry-After {sixth.Headers.RetryAfter}");
        Assert.Contains("hours", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1 + 5, await api.InDbAsync(db => db.OutboxEmails.CountAsync(e => e.To == email)));
    }

    [Fact]
    public async Task a_burst_of_logins_never_hashes_more_passwords_at_once_than_allowed()
    {
        var email = ApiFactory.NewEmail();
        var logins = Enumerable.Range(0, 12).Select(_ => Login(api.BrowserFrom(ClientAddressHeader.NewAddress()), ApiFactory.NewEmail(), "guess"));

        var answers = await Task.WhenAll(logins);

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.ServiceUnavailable }));
        var busy = answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(busy);
        Assert.All(busy, b => Assert.Equal(TimeSpan.FromSeconds(1), b.Headers.RetryAfter?.Delta));
        await busy[0].ProblemAsync(HttpStatusCode.ServiceUnavailable);
    }

    /// <summary>The answers a guesser from a fresh client sees for eight wrong passwords: status, title and detail with numbers blanked.</summary>
    private async Task<List<string>> GuessAsync(string email)
    {
        var guesser = api.BrowserFrom(ClientAddressHeader.NewAddress());
        var seen = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var response = await Login(guesser, email, "guess " + i);
            var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            seen.Add($"{(int)response.StatusCode} {body.GetProperty("title")} {Digits().Replace(body.GetProperty("detail").GetString()!, "N")} retry-after:{response.Headers.RetryAfter is not null}");
        }
        return seen;
    }

    private static async Task ResendWhenAllowedAsync(BrowserClient user)
    {
        var response = await ResendAfterTheIntervalAsync(user);
        await response.EnsureStatusAsync(HttpStatusCode.Accepted);
    }

    /// <summary>
    /// Waits as long as the last refusal's Retry-After said (the 2 s interval), then asks again: polling
    /// would spend the client's own resend bucket.
    /// </summary>
    private static async Task<HttpResponseMessage> ResendAfterTheIntervalAsync(BrowserClient user)
    {
        await Task.Delay(TimeSpan.FromSeconds(AuthAttackApiFactory.ResendIntervalSeconds + 0.2));
        return await Resend(user);
    }

    private static Task<HttpResponseMessage> Login(BrowserClient browser, string email, string password) =>
        browser.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });

    private static Task<HttpResponseMessage> Resend(BrowserClient browser) =>
        browser.Http.PostAsync("/api/v1/auth/resend-confirmation", null);

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
