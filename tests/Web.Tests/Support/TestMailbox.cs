using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Web.Tests.Support;

/// <summary>
/// The specs' mailbox, read from the platform's real outbox: GET /emails?email=… answers the mails queued for an address
/// (newest last) with every link in them as a path and query, so a spec opens a link on its own base URL as a user
/// clicking it in the mail would. GET /confirmation-link?email=… answers the newest confirmation link's path.
/// </summary>
public sealed partial class TestMailbox : FakeServer
{
    private readonly ApiFactory platform;

    private TestMailbox(ApiFactory platform) => this.platform = platform;

    public static async Task<TestMailbox> StartAsync(ApiFactory platform)
    {
        var mailbox = new TestMailbox(platform);
        await mailbox.ListenAsync();
        return mailbox;
    }

    protected override IResult Failure() => Results.StatusCode(500);

    protected override void Map(WebApplication server)
    {
        server.MapGet("/emails", async (string email) =>
        {
            var mails = await MailsToAsync(email);
            return Results.Json(new JsonArray([.. mails.Select(m => new JsonObject
            {
                ["to"] = m.To,
                ["template"] = m.Template,
                ["subject"] = m.Subject,
                ["createdAt"] = m.CreatedAt,
                ["links"] = new JsonArray([.. Links(m.TextBody).Select(l => JsonValue.Create(l))]),
            })]));
        });
        server.MapGet("/confirmation-link", async (string email) =>
        {
            var confirmation = (await MailsToAsync(email)).LastOrDefault(m => m.Template == "verify-email");
            return confirmation is null
                ? Results.NotFound()
                : Results.Json(new JsonObject { ["path"] = Links(confirmation.TextBody).First(l => l.StartsWith("/verify-email?", StringComparison.Ordinal)) });
        });
        MapOperations(server);
    }

    private Task<List<AutoMl.Infrastructure.Email.OutboxEmail>> MailsToAsync(string email) =>
        platform.InDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.To == email).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync());

    /// <summary>Every http(s) URL of a body, as its path and query: the dashboard is served from the spec's base URL.</summary>
    private static IEnumerable<string> Links(string body) =>
        UrlPattern().Matches(body).Select(m => new Uri(m.Value).PathAndQuery);

    [GeneratedRegex(@"https?://[^\s<>""']+")]
    private static partial Regex UrlPattern();
}
