using AutoMl.Api.Errors;
using AutoMl.Infrastructure.Rewards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoMl.Api.Rewards;

public sealed record AdClaimAck(string Status, Guid? ClaimId);

internal static class AdMobWebhookEndpoint
{
    /// <summary>AdMob's server-side verification callback: a signed GET from Google, outside /api/v1 and without auth.</summary>
    public static void MapAdMobWebhook(this IEndpointRouteBuilder app) =>
        app.MapGroup("/webhooks").WithTags("Webhooks").AllowAnonymous().MapGet("/admob", HandleAsync);

    private static async Task<Results<Ok<AdClaimAck>, ProblemHttpResult>> HandleAsync(HttpContext http, ClaimAdReward claim, CancellationToken ct)
    {
        // After the forwarded-headers middleware: the last address a trusted proxy saw, never what the caller claims.
        var source = http.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : null;
        return await claim.RunAsync(http.Request.QueryString.Value ?? "", source, ct) switch
        {
            AdClaimResult.Recorded r => TypedResults.Ok(new AdClaimAck(r.Status.ToString().ToLowerInvariant(), r.ClaimId)),
            // A replay is answered 200 so AdMob stops retrying; it credits nothing.
            AdClaimResult.Replayed => TypedResults.Ok(new AdClaimAck("replayed", null)),
            AdClaimResult.Rejected x => ProblemResults.BadRequest(
                $"This AdMob callback was rejected: {x.Reason}. Only fresh callbacks signed by AdMob for one of our ad units and a known user are accepted."),
            _ => throw new InvalidOperationException("Unhandled ad claim result."),
        };
    }
}
