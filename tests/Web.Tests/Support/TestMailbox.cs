using System.Text.Json.Nodes;
using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AutoMl.Web.Tests.Support;

/// <summary>
/// The specs' mailbox: GET /confirmation-link?email=… answers the path of the link the confirmation email carries, so a
/// spec opens it in the browser as a user clicking it would (the welcome bonus waits for that click).
/// </summary>
public sealed class TestMailbox : FakeServer
{
    private readonly Func<string, Task<(Guid UserId, string Token)>> tokenFor;

    private TestMailbox(Func<string, Task<(Guid UserId, string Token)>> tokenFor) => this.tokenFor = tokenFor;

    public static async Task<TestMailbox> StartAsync(Func<string, Task<(Guid UserId, string Token)>> tokenFor)
    {
        var mailbox = new TestMailbox(tokenFor);
        await mailbox.ListenAsync();
        return mailbox;
    }

    protected override IResult Failure() => Results.StatusCode(500);

    protected override void Map(WebApplication server) =>
        server.MapGet("/confirmation-link", async (string email) =>
        {
            var (userId, token) = await tokenFor(email);
            return Results.Json(new JsonObject { ["path"] = $"/verify-email?userId={userId}&token={Uri.EscapeDataString(token)}" });
        });
}
