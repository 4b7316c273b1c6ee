using System.Text;
using AutoMl.Api.Errors;
using AutoMl.Infrastructure.Payments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Payments;

public sealed record WebhookAck(bool Received, string Outcome);

internal static class StripeWebhookEndpoint
{
    /// <summary>Outside /api/v1: Stripe authenticates with its signature, not a session or key, and sends no anti-forgery token.</summary>
    public static void MapStripeWebhook(this IEndpointRouteBuilder app) =>
        app.MapGroup("/webhooks").WithTags("Webhooks").AllowAnonymous().MapPost("/stripe", HandleAsync);

    private static async Task<Results<Ok<WebhookAck>, ProblemHttpResult>> HandleAsync(
        HttpRequest request, StripeWebhookVerifier verifier, StripeWebhookProcessor processor, IOptions<StripeOptions> options, CancellationToken ct)
    {
        if (options.Value.Secrets().Count == 0)
        {
            return ProblemResults.Problem(StatusCodes.Status503ServiceUnavailable, "Stripe webhooks are not configured",
                "This server has no Stripe webhook signing secret: set Stripe__WebhookSecrets to the endpoint's whsec_ secret.");
        }
        // The signature covers the exact bytes Stripe sent, so the body is read raw, never through a JSON binder.
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct);
        if (verifier.Verify(body, request.Headers["Stripe-Signature"].ToString()) is not { } stripeEvent)
        {
            return ProblemResults.BadRequest(
                "The Stripe-Signature header does not verify: it matches none of this endpoint's signing secrets or is more than 5 minutes old. Check the signing secret configured here against the Stripe dashboard.");
        }
        var outcome = await processor.RunAsync(stripeEvent, ct);
        return TypedResults.Ok(new WebhookAck(true, outcome.ToString().ToLowerInvariant()));
    }
}
