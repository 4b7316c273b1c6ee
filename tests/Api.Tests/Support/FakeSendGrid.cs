using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoMl.Api.Tests.Support;

/// <summary>SendGrid's v3 mail send: JSON in, 202 with an empty body out, 401 without the Bearer key.</summary>
public sealed class FakeSendGrid : FakeServer
{
    public static async Task<FakeSendGrid> StartAsync()
    {
        var fake = new FakeSendGrid();
        await fake.ListenAsync();
        return fake;
    }

    public IReadOnlyList<RecordedRequest> Sent() => Requests.Where(r => r.Path == "/v3/mail/send").ToList();

    protected override IResult Failure() => Results.Json(
        new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = "internal error", ["field"] = null }) }, statusCode: 500);

    protected override void Map(WebApplication server) =>
        server.MapPost("/v3/mail/send", (HttpRequest request) =>
            request.Headers.Authorization.ToString().StartsWith("Bearer SG.", StringComparison.Ordinal)
                ? Results.StatusCode(202)
                : Results.Json(new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = "The provided authorization grant is invalid, expired, or revoked" }) }, statusCode: 401));
}
