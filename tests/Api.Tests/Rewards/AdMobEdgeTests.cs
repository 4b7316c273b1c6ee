using System.Net;
using System.Text.Json;
using AutoMl.Api.Tests.Payments;
using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Rewards;
using AutoMl.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Rewards;

/// <summary>The real Google-signed callback against the host's clock, and which client address a callback is scored by.</summary>
public sealed class AdMobEdgeTests(AdMobEdgeFactory api) : IClassFixture<AdMobEdgeFactory>
{
    private static readonly JsonElement RealVector = JsonDocument.Parse(File.ReadAllText(TestData.Path("vectors/admob-ssv.json")))
        .RootElement.GetProperty("vectors")[0];

    [Fact]
    public async Task the_real_google_callback_passes_every_check_up_to_its_user_at_its_own_time_and_is_refused_later_or_earlier()
    {
        var key = RealVector.GetProperty("keys_json").GetProperty("keys")[0];
        api.AdMob.PublishKey(key.GetProperty("keyId").GetInt64(), key.GetProperty("base64").GetString()!);
        var query = RealVector.GetProperty("query").GetString()!;
        var signedAt = DateTimeOffset.FromUnixTimeMilliseconds(1603301304534);
        // Today it is years old (and this first call fetches Google's key while the clock still runs forward).
        var today = await (await CallAsync(query)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("older than 60 minutes", today.GetProperty("detail").GetString(), StringComparison.Ordinal);
        try
        {
            api.Clock.Pin(signedAt.AddMinutes(2));
            var inTime = await (await CallAsync(query)).ProblemAsync(HttpStatusCode.BadRequest);
            api.Clock.Pin(signedAt.AddMinutes(61));
            var late = await (await CallAsync(query)).ProblemAsync(HttpStatusCode.BadRequest);
            api.Clock.Pin(signedAt.AddMinutes(-6));
            var early = await (await CallAsync(query)).ProblemAsync(HttpStatusCode.BadRequest);

            // Its user is a Firebase id of the publisher that made the vector, not one of our accounts: that is the only refusal.
            Assert.Contains("names no account", inTime.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains("older than 60 minutes", late.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains("in the future", early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            api.Clock.Reset();
        }
    }

    [Fact]
    public async Task a_forwarded_header_from_an_untrusted_peer_is_ignored()
    {
        var browser = await api.SignUpAsync();
        var user = await PaymentsFactory.UserIdAsync(browser);

        // An attacker calling the API directly, claiming a new client address each time to dodge the per-address velocity.
        var first = await CallFromAsync(Callback(user, "device=a1"), peer: "203.0.113.9", forwardedFor: "198.51.100.7");
        var second = await CallFromAsync(Callback(user, "device=a2"), peer: "203.0.113.9", forwardedFor: "198.51.100.8");

        Assert.Equal(StatusCodes.Status200OK, first.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, second.Response.StatusCode);
        var claims = await ClaimsAsync(user);
        Assert.All(claims, c => Assert.Equal("203.0.113.9", c.Ip));
        Assert.Equal(AdClaimStatus.Held, claims[1].Status);
        Assert.Contains("source 2/h over 1", claims[1].RiskReasons, StringComparison.Ordinal);
        // The hold is in the account's audit trail, once, with the risk that caused it; the credited claim is not.
        var holds = await api.InDbAsync(db => db.AuditEvents.Where(e => e.UserId == user && e.Action == AuditActions.AdClaimHold).ToListAsync());
        var hold = Assert.Single(holds);
        Assert.Equal(claims[1].Id.ToString(), hold.TargetId);
        Assert.Contains("source 2/h over 1", hold.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_trusted_proxy_gives_the_client_address_it_saw_and_nothing_a_client_prepended()
    {
        var browser = await api.SignUpAsync();
        var user = await PaymentsFactory.UserIdAsync(browser);

        await CallFromAsync(Callback(user, "device=b1"), peer: "10.20.1.5", forwardedFor: "198.51.100.20");
        // nginx appends the address it saw to whatever the client sent; only that last hop is believed.
        await CallFromAsync(Callback(user, "device=b2"), peer: "10.20.1.5", forwardedFor: "192.0.2.66, 198.51.100.21");

        var claims = await ClaimsAsync(user);
        Assert.Equal(["198.51.100.20", "198.51.100.21"], claims.Select(c => c.Ip));
        Assert.All(claims, c => Assert.Equal(AdClaimStatus.Credited, c.Status));
    }

    private string Callback(Guid user, string customData) =>
        api.AdMob.Callback(PaymentsFactory.AdMobKeyId, Guid.NewGuid().ToString("N"), user.ToString(), customData);

    private Task<List<AdClaim>> ClaimsAsync(Guid user) =>
        api.InDbAsync(db => db.AdClaims.Where(c => c.UserId == user).OrderBy(c => c.CreatedAt).ToListAsync());

    private Task<HttpResponseMessage> CallAsync(string query) => api.CreateClient().GetAsync("/webhooks/admob?" + query);

    /// <summary>A request arriving over a connection from <paramref name="peer"/>, as Kestrel would see it.</summary>
    private Task<HttpContext> CallFromAsync(string query, string peer, string? forwardedFor) =>
        api.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = "/webhooks/admob";
            http.Request.QueryString = new QueryString("?" + query);
            http.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            if (forwardedFor is not null)
            {
                http.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });
}

public sealed class AdMobWithoutAdUnitsTests(NoAdUnitsFactory api) : IClassFixture<NoAdUnitsFactory>
{
    [Fact]
    public async Task every_callback_is_refused_and_logged_when_no_ad_unit_is_configured()
    {
        var browser = await api.SignUpAsync();
        var user = (await PaymentsFactory.UserIdAsync(browser)).ToString();
        var transaction = Guid.NewGuid().ToString("N");

        var answer = await api.CreateClient().GetAsync("/webhooks/admob?" + api.AdMob.Callback(PaymentsFactory.AdMobKeyId, transaction, user));

        await answer.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(api.Logs.Any("AdMob callback rejected", transaction, "AdMob__AdUnits"));
        Assert.Equal(100, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
    }
}
