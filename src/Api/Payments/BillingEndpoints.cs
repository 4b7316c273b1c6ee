using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Security;
using AutoMl.Domain.Payments;
using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Payments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Payments;

internal static class BillingEndpoints
{
    public static void MapBillingEndpoints(this RouteGroupBuilder api)
    {
        var billing = api.MapGroup("/billing").WithTags("Billing").RequireAuthorization().RequireAntiforgeryForCookies().NotForKeys();
        billing.MapGet("/catalog", Catalog).AllowAnonymous();
        billing.MapPost("/checkout", CheckoutAsync).RequireRecentSignIn();
        billing.MapGet("/portal", PortalAsync).RequireRecentSignIn();
    }

    private static Ok<CatalogView> Catalog(IOptions<BillingCatalog> catalog, IOptions<StripeOptions> stripe)
    {
        var c = catalog.Value;
        return TypedResults.Ok(new CatalogView(c.Currency,
            c.Packs.Select(p => new PackView(p.Id, p.Name, p.Credits, p.PriceCents)).ToList(),
            new PlanView(c.Pro.Id, c.Pro.Name, c.Pro.PriceCents, c.Pro.MonthlyCredits, "month"),
            stripe.Value.IsConfigured));
    }

    private static async Task<Results<Ok<RedirectView>, ValidationProblem, ProblemHttpResult>> CheckoutAsync(
        CheckoutRequest request, CurrentUser current, StartCheckout checkout, IOptions<StripeOptions> stripe, ILoggerFactory logs,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Pack) == string.IsNullOrWhiteSpace(request.Plan))
        {
            return ProblemResults.Validation("pack", "Send either 'pack' (a credit pack id from GET /api/v1/billing/catalog) or 'plan' (\"pro\"), not both.");
        }
        if (!stripe.Value.IsConfigured)
        {
            return ProviderFailures.NotConfigured();
        }
        if (idempotencyKey is { Length: > 100 })
        {
            return ProblemResults.Validation("Idempotency-Key", "The Idempotency-Key header is at most 100 characters.");
        }
        var product = (request.Pack ?? request.Plan)!.Trim();
        try
        {
            return await checkout.RunAsync(current.Id, product, idempotencyKey, ct) switch
            {
                CheckoutResult.Started s => TypedResults.Ok(new RedirectView(s.Url)),
                CheckoutResult.UnknownProduct u => ProblemResults.Validation(request.Pack is null ? "plan" : "pack",
                    $"'{u.Product}' is not something we sell: pick a pack or plan id from GET /api/v1/billing/catalog."),
                CheckoutResult.AlreadySubscribed => ProblemResults.Conflict("You already have the Pro plan: manage it from the billing portal (GET /api/v1/billing/portal)."),
                CheckoutResult.NoUser => ProblemResults.Unauthorized("This account no longer exists."),
                _ => throw new InvalidOperationException("Unhandled checkout result."),
            };
        }
        catch (Exception e) when (ProviderFailures.IsProviderFailure(e))
        {
            return ProviderFailures.Problem(e, logs.CreateLogger(typeof(BillingEndpoints)));
        }
    }

    private static async Task<Results<Ok<RedirectView>, ProblemHttpResult>> PortalAsync(
        CurrentUser current, StripeCustomers customers, StripeGateway gateway, IOptions<StripeOptions> stripe, IOptions<PlatformOptions> platform,
        ILoggerFactory logs, CancellationToken ct)
    {
        if (!stripe.Value.IsConfigured)
        {
            return ProviderFailures.NotConfigured();
        }
        if (await customers.FindAsync(current.Id, ct) is not { } customer)
        {
            return ProblemResults.Conflict("You have no billing history yet: buy a credit pack or the Pro plan first (POST /api/v1/billing/checkout).");
        }
        try
        {
            var portal = await gateway.CreatePortalAsync(customer, $"{platform.Value.PublicUrl.TrimEnd('/')}/billing", ct);
            return TypedResults.Ok(new RedirectView(portal.Url));
        }
        catch (Exception e) when (ProviderFailures.IsProviderFailure(e))
        {
            return ProviderFailures.Problem(e, logs.CreateLogger(typeof(BillingEndpoints)));
        }
    }
}
