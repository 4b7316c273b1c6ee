using AutoMl.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Stripe;

namespace AutoMl.Api.Payments;

/// <summary>How a failing payment provider reaches the caller: a 502/503 problem for this feature, never a hung request.</summary>
internal static class ProviderFailures
{
    public static bool IsProviderFailure(Exception e) =>
        e is StripeException or HttpRequestException or BrokenCircuitException or TimeoutRejectedException;

    public static ProblemHttpResult Problem(Exception e, ILogger logger)
    {
        logger.LogWarning("Stripe call failed: {Error}", e is StripeException s ? $"{s.HttpStatusCode} {s.StripeError?.Type} {s.StripeError?.Code}" : e.GetType().Name);
        return e is StripeException { HttpStatusCode: < System.Net.HttpStatusCode.InternalServerError }
            ? ProblemResults.Problem(StatusCodes.Status502BadGateway, "Payment provider refused the request",
                "Stripe refused to start this payment. Try again later, and contact support if it keeps failing.")
            : ProblemResults.Problem(StatusCodes.Status503ServiceUnavailable, "Payment provider unavailable",
                "Stripe is not reachable right now. Your card has not been charged; try again in a few minutes.");
    }

    public static ProblemHttpResult NotConfigured() =>
        ProblemResults.Problem(StatusCodes.Status503ServiceUnavailable, "Payments are not configured",
            "Payments are not configured on this server (no Stripe key is set), so credits cannot be bought here. Earn credits with rewarded ads, or ask the operator to set Stripe__SecretKey.");
}
