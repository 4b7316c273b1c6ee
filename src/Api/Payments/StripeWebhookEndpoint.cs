using System.Text;
using AutoMl.Api.Errors;
using AutoMl.Infrastructure.Payments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Payments;

public sealed record WebhookAck(bool Received, string Outcome);

internal static class StripeWebhookEndpoint
{
    private const string Provider = "stripe";

    /// <summary>Outside /api/v1: Stripe authenticates with its signature, not a session or key, and sends no anti-forgery token.</summary>
    public static void MapStripeWebhook(this IEndpointRouteBuilder app) =>
        app.MapGroup("/webhooks").WithTags("Webhooks").AllowAnonymous().MapPost("/stripe", HandleAsync);

    private static async Task<Results<Ok<WebhookAck>, ProblemHttpResult>> HandleAsync(
        HttpRequest request, StripeWebhookVerifier verifier, StripeWebhookProcessor processor, WebhookFailures failures, IOptions<StripeOptions> options,
        CancellationToken ct)
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
            await failures.RecordAsync(Provider, WebhookFailureKinds.Signature, null, "The Stripe-Signature header did not verify.");
            return ProblemResults.BadRequest(
                "The Stripe-Signature header does not verify: it matches none of this endpoint's signing secrets or is more than 5 minutes old. Check the signing secret configured here against the Stripe dashboard.");
        }
        WebhookOutcome outcome;
        try
        {
            outcome = await processor.RunAsync(stripeEvent, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Stripe retries the delivery; the failure is counted for the webhook-failures alert, then answered as before.
            await failures.RecordAsync(Provider, WebhookFailureKinds.Processing, stripeEvent.Id, $"{stripeEvent.Type}: {e.GetType().Name}");
            throw;
        }
        return TypedResults.Ok(new WebhookAck(true, outcome.ToString().ToLowerInvariant()));
    }
}
