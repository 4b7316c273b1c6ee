using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Sdk.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Sdk.Tests;

[Collection(PlatformCollection.Name)]
public sealed class AccountTests(SdkPlatformFactory platform)
{
    [Fact]
    public async Task a_read_key_sees_the_account_and_its_notification_settings()
    {
        var email = ApiFactory.NewEmail();
        var owner = await platform.SignUpAsync(email);
        await (await owner.Http.PatchAsJsonAsync("/api/v1/me", new { notifyLowBalance = false })).EnsureStatusAsync(HttpStatusCode.OK);
        using var client = platform.Client(await platform.CreateApiKeyAsync(owner, "reader", ApiKeyScopes.Read));

        var me = await client.Account.GetMeAsync();

        Assert.Equal(email, me.Email);
        Assert.Equal("free", me.Tier);
        Assert.True(me.EmailVerified);
        Assert.True(me.NotifyJobFinished);
        Assert.False(me.NotifyLowBalance);
    }

    [Fact]
    public async Task a_reset_link_token_sets_the_password_once()
    {
        var email = ApiFactory.NewEmail();
        var owner = await platform.SignUpAsync(email);
        using var client = platform.Client(await platform.CreateApiKeyAsync(owner));
        await (await platform.CreateClient().PostAsJsonAsync("/api/v1/auth/password/forgot", new { email })).EnsureStatusAsync(HttpStatusCode.Accepted);
        var body = await platform.InDbAsync(db => db.OutboxEmails.Where(e => e.To == email && e.Template == "password-reset").Select(e => e.TextBody).SingleAsync());
        var link = new Uri(body.Split('\n').Single(l => l.Contains("/reset-password?", StringComparison.Ordinal)));
        var token = QueryHelpers.ParseQuery(link.Query)["token"].ToString();

        await client.Account.ResetPasswordAsync(email, token, "a passphrase from the sdk");

        await (await platform.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "a passphrase from the sdk" })).EnsureStatusAsync(HttpStatusCode.OK);
        var again = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Account.ResetPasswordAsync(email, token, "yet another passphrase"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("reset link is not valid", again.Detail, StringComparison.Ordinal);
        // The key outlives the reset: only signed-in sessions end.
        Assert.Equal(email, (await client.Account.GetMeAsync()).Email);
    }
}
