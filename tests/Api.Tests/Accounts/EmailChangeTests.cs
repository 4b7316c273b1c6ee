using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Accounts;

public sealed class EmailChangeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task the_new_address_counts_only_once_its_mailbox_opens_the_link()
    {
        var old = ApiFactory.NewEmail();
        var here = await api.SignUpAsync(old);
        var elsewhere = api.Browser();
        await (await elsewhere.Http.PostAsJsonAsync("/api/v1/auth/login", new { email = old, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);
        var fresh = ApiFactory.NewEmail();

        var asked = await (await here.Http.PostAsJsonAsync("/api/v1/me/email", new { newEmail = fresh, password = ApiFactory.GoodPassword })).JsonAsync(HttpStatusCode.Accepted);

        Assert.Equal(fresh, asked.GetProperty("newEmail").GetString());
        Assert.Equal(old, (await (await here.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("email").GetString());
        var notice = Assert.Single(await api.MailsToAsync(old, "email-change-requested"));
        Assert.Contains(fresh, notice.TextBody, StringComparison.Ordinal);
        var link = await api.LinkQueryAsync(fresh, "email-change-confirm", "/confirm-email-change");
        Assert.Equal(fresh, link["email"]);

        // Opened in the browser that is signed in: it stays signed in, with the new address.
        var confirm = await here.Http.PostAsJsonAsync("/api/v1/auth/confirm-email-change", new { userId = link["userId"], email = link["email"], token = link["token"] });

        await confirm.EnsureStatusAsync(HttpStatusCode.NoContent);
        var me = await (await here.Http.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal(fresh, me.GetProperty("email").GetString());
        Assert.True(me.GetProperty("emailVerified").GetBoolean());
        await (await elsewhere.Http.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email = old, password = ApiFactory.GoodPassword })).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email = fresh, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);
        // The old address is free again, for a new account.
        await api.SignUpAsync(old, confirm: false);
    }

    [Fact]
    public async Task an_address_in_use_cannot_be_taken_neither_when_asked_nor_by_a_link_made_before_it_was_taken()
    {
        var other = ApiFactory.NewEmail();
        await api.SignUpAsync(other);
        var email = ApiFactory.NewEmail();
        var here = await api.SignUpAsync(email);

        var taken = await here.Http.PostAsJsonAsync("/api/v1/me/email", new { newEmail = other, password = ApiFactory.GoodPassword });
        await taken.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty(await api.MailsToAsync(other, "email-change-confirm"));

        var later = ApiFactory.NewEmail();
        await (await here.Http.PostAsJsonAsync("/api/v1/me/email", new { newEmail = later, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.Accepted);
        var link = await api.LinkQueryAsync(later, "email-change-confirm", "/confirm-email-change");
        await api.SignUpAsync(later, confirm: false);

        var confirm = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/confirm-email-change", new { userId = link["userId"], email = link["email"], token = link["token"] });

        var problem = await confirm.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Another account uses this email address", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(email, (await (await here.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("email").GetString());
    }

    [Fact]
    public async Task a_wrong_password_or_a_link_for_another_address_changes_nothing()
    {
        var email = ApiFactory.NewEmail();
        var here = await api.SignUpAsync(email);
        var wanted = ApiFactory.NewEmail();

        var wrong = await here.Http.PostAsJsonAsync("/api/v1/me/email", new { newEmail = wanted, password = "not my password" });
        await wrong.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty(await api.MailsToAsync(wanted, "email-change-confirm"));

        await (await here.Http.PostAsJsonAsync("/api/v1/me/email", new { newEmail = wanted, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.Accepted);
        var link = await api.LinkQueryAsync(wanted, "email-change-confirm", "/confirm-email-change");
        // The token is bound to the address it was mailed to: it cannot point the account elsewhere.
        var swapped = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/confirm-email-change",
            new { userId = link["userId"], email = ApiFactory.NewEmail(), token = link["token"] });
        await swapped.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(email, (await (await here.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("email").GetString());
    }

    [Fact]
    public async Task moving_an_account_to_another_address_never_yields_a_second_welcome_bonus()
    {
        var first = ApiFactory.NewEmail();
        var here = await api.SignUpAsync(first);
        var balance = (await (await here.Http.GetAsync("/api/v1/credits")).JsonAsync()).GetProperty("balance").GetInt64();
        Assert.True(balance > 0);
        var second = ApiFactory.NewEmail();
        await (await here.Http.PostAsJsonAsync("/api/v1/me/email", new { newEmail = second, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.Accepted);
        var link = await api.LinkQueryAsync(second, "email-change-confirm", "/confirm-email-change");

        await (await here.Http.PostAsJsonAsync("/api/v1/auth/confirm-email-change", new { userId = link["userId"], email = link["email"], token = link["token"] }))
            .EnsureStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal(balance, (await (await here.Http.GetAsync("/api/v1/credits")).JsonAsync()).GetProperty("balance").GetInt64());
        // The first mailbox had its bonus: a new account on it gets none.
        var again = await api.SignUpAsync(first);
        var me = await (await again.Http.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal("alreadyReceived", me.GetProperty("welcomeBonus").GetString());
        Assert.Equal(0, (await (await again.Http.GetAsync("/api/v1/credits")).JsonAsync()).GetProperty("balance").GetInt64());
    }
}
