using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Credits;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Accounts;

/// <summary>The welcome bonus is for a confirmed mailbox, once: not for an address nobody reads, nor for signing up again.</summary>
public sealed class WelcomeBonusTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task the_bonus_is_not_granted_before_the_address_is_confirmed()
    {
        var email = ApiFactory.NewEmail();
        var browser = await api.SignUpAsync(email, confirm: false);

        var credits = await (await browser.Http.GetAsync("/api/v1/credits")).JsonAsync();
        Assert.Equal(0, credits.GetProperty("balance").GetInt64());
        Assert.Equal("awaitingConfirmation", credits.GetProperty("welcomeBonus").GetString());
        Assert.Equal("awaitingConfirmation", (await (await browser.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("welcomeBonus").GetString());
        Assert.Empty((await (await browser.Http.GetAsync("/api/v1/credits/entries")).JsonAsync()).GetProperty("items").EnumerateArray());

        await api.ConfirmEmailAsync(email);

        credits = await (await browser.Http.GetAsync("/api/v1/credits")).JsonAsync();
        Assert.Equal(CreditRules.DefaultSignupBonus, credits.GetProperty("balance").GetInt64());
        Assert.Equal("granted", credits.GetProperty("welcomeBonus").GetString());
    }

    [Fact]
    public async Task confirming_twice_or_concurrently_grants_the_bonus_once()
    {
        var email = ApiFactory.NewEmail();
        var browser = await api.SignUpAsync(email, confirm: false);
        var (userId, token) = await api.ConfirmationTokenAsync(email);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => browser.Http.PostAsJsonAsync("/api/v1/auth/confirm-email", new { userId, token })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NoContent, a.StatusCode));
        Assert.Equal(CreditRules.DefaultSignupBonus, (await (await browser.Http.GetAsync("/api/v1/credits")).JsonAsync()).GetProperty("balance").GetInt64());
        Assert.Equal(1, await api.InDbAsync(db => db.CreditEntries.CountAsync(e => e.UserId == userId && e.Kind == CreditEntryKind.SignupBonus)));
    }

    [Fact]
    public async Task a_deleted_accounts_address_signing_up_again_gets_no_second_bonus()
    {
        var email = ApiFactory.NewEmail();
        var first = await api.SignUpAsync(email);
        Assert.Equal(CreditRules.DefaultSignupBonus, await BalanceAsync(first));
        await (await first.Http.DeleteAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.NoContent);

        var again = await api.SignUpAsync(email.ToUpperInvariant());

        Assert.Equal(0, await BalanceAsync(again));
        Assert.Equal("alreadyReceived", (await (await again.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("welcomeBonus").GetString());
    }

    [Fact]
    public async Task a_gmail_dot_or_plus_variant_gets_no_second_bonus()
    {
        var name = "farmer" + Guid.NewGuid().ToString("N")[..10];
        var first = await api.SignUpAsync($"{name}@gmail.com");
        Assert.Equal(CreditRules.DefaultSignupBonus, await BalanceAsync(first));

        var dotted = await api.SignUpAsync($"{name[..3]}.{name[3..]}@gmail.com");
        var tagged = await api.SignUpAsync($"{name}+bonus2@googlemail.com");

        Assert.Equal(0, await BalanceAsync(dotted));
        Assert.Equal(0, await BalanceAsync(tagged));
    }

    [Fact]
    public async Task two_spellings_of_one_mailbox_confirmed_at_once_get_one_bonus_between_them()
    {
        var name = "racer" + Guid.NewGuid().ToString("N")[..10];
        var emails = new[] { $"{name}@outlook.com", $"{name}+a@outlook.com", $"{name}+b@outlook.com", $"{name}+c@outlook.com" };
        var browsers = new List<BrowserClient>();
        foreach (var email in emails)
        {
            browsers.Add(await api.SignUpAsync(email, confirm: false));
        }

        await Task.WhenAll(emails.Select(email => api.ConfirmEmailAsync(email)));

        var balances = await Task.WhenAll(browsers.Select(BalanceAsync));
        Assert.Equal(CreditRules.DefaultSignupBonus, balances.Sum());
    }

    private static async Task<long> BalanceAsync(BrowserClient browser) =>
        (await (await browser.Http.GetAsync("/api/v1/credits")).JsonAsync()).GetProperty("balance").GetInt64();
}
