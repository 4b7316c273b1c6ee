using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace AutoMl.Infrastructure.Payments;

/// <summary>
/// Stripe.net on an HttpClient from the factory (so the resilience pipeline applies). Every POST carries an
/// Idempotency-Key, which is what makes the pipeline's retries of a POST safe; Stripe.net's own retries stay off.
/// </summary>
public sealed class StripeGateway(IHttpClientFactory http, IOptions<StripeOptions> options)
{
    public const string HttpClientName = "stripe";

    public Task<Customer> CreateCustomerAsync(Guid userId, string email, CancellationToken ct) =>
        new CustomerService(Client()).CreateAsync(
            new CustomerCreateOptions { Email = email, Metadata = new() { ["user_id"] = userId.ToString() } },
            new RequestOptions { IdempotencyKey = $"customer:{userId}" }, ct);

    public Task<Session> CreateCheckoutAsync(SessionCreateOptions session, string idempotencyKey, CancellationToken ct) =>
        new SessionService(Client()).CreateAsync(session, new RequestOptions { IdempotencyKey = idempotencyKey }, ct);

    public Task<Stripe.BillingPortal.Session> CreatePortalAsync(string customerId, string returnUrl, CancellationToken ct) =>
        new Stripe.BillingPortal.SessionService(Client()).CreateAsync(
            new Stripe.BillingPortal.SessionCreateOptions { Customer = customerId, ReturnUrl = returnUrl },
            new RequestOptions { IdempotencyKey = $"portal:{Guid.NewGuid():N}" }, ct);

    /// <summary>The customer's subscriptions that are not cancelled yet (Stripe's list leaves cancelled ones out by default).</summary>
    public async Task<IReadOnlyList<Subscription>> LiveSubscriptionsAsync(string customerId, CancellationToken ct) =>
        (await new SubscriptionService(Client()).ListAsync(new SubscriptionListOptions { Customer = customerId, Limit = 100 }, null, ct)).Data;

    /// <summary>Cancels at once, without proration or a final invoice: the account it paid for is going away.</summary>
    public Task<Subscription> CancelSubscriptionAsync(string subscriptionId, CancellationToken ct) =>
        new SubscriptionService(Client()).CancelAsync(subscriptionId, new SubscriptionCancelOptions(), null, ct);

    /// <summary>
    /// The payments of an invoice, each payment intent expanded so its charge (latest_charge) is known; invoice events do
    /// not carry payments, the field is only included on request.
    /// </summary>
    public async Task<IReadOnlyList<InvoicePayment>> InvoicePaymentsAsync(string invoiceId, CancellationToken ct)
    {
        var options = new InvoicePaymentListOptions { Invoice = invoiceId, Limit = 100 };
        options.AddExpand("data.payment.payment_intent");
        return (await new InvoicePaymentService(Client()).ListAsync(options, null, ct)).Data;
    }

    private StripeClient Client()
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            throw new InvalidOperationException("Stripe:SecretKey is not set; check StripeOptions.IsConfigured before calling Stripe.");
        }
        var transport = new SystemNetHttpClient(http.CreateClient(HttpClientName), maxNetworkRetries: 0, enableTelemetry: false);
        return new StripeClient(o.SecretKey, httpClient: transport, apiBase: o.ApiBase.TrimEnd('/'));
    }
}
