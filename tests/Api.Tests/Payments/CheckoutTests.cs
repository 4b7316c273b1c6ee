using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Payments;

public sealed class CheckoutTests(PaymentsFactory api) : IClassFixture<PaymentsFactory>
{
    [Fact]
    public async Task a_checkout_for_a_pack_creates_a_stripe_session_for_the_user_and_returns_its_url()
    {
        var browser = await api.SignUpAsync();
        var user = await PaymentsFactory.UserIdAsync(browser);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/checkout") { Content = JsonContent.Create(new { pack = "medium" }) };
        request.Headers.Add("Idempotency-Key", "order-42");

        var answer = await (await browser.Http.SendAsync(request)).JsonAsync();

        Assert.StartsWith("https://checkout.stripe.com/c/pay/cs_test_", answer.GetProperty("url").GetString(), StringComparison.Ordinal);
        var created = api.Stripe.To("/v1/checkout/sessions").Single(r => FakeStripe.Form(r).GetValueOrDefault("client_reference_id") == user.ToString());
        var form = FakeStripe.Form(created);
        Assert.Equal("payment", form["mode"]);
        Assert.Equal(user.ToString(), form["metadata[user_id]"]);
        Assert.Equal("medium", form["metadata[product]"]);
        Assert.Equal("1200", form["metadata[credits]"]);
        Assert.Equal("1000", form["line_items[0][price_data][unit_amount]"]);
        Assert.StartsWith("http://127.0.0.1:8080/billing", form["success_url"], StringComparison.Ordinal);
        Assert.StartsWith("cus_", form["customer"], StringComparison.Ordinal);
        Assert.Equal($"checkout:{user}:medium:order-42", created.Header("Idempotency-Key"));
        Assert.Equal($"Bearer {api.StripeKey}", created.Header("Authorization"));
    }

    [Fact]
    public async Task a_checkout_credits_once_when_the_webhook_arrives_ten_times_concurrently()
    {
        var browser = await api.SignUpAsync();
        var before = (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64();
        var session = await api.CheckoutAsync(browser, "small");
        var body = StripeEvents.Event("checkout.session.completed", StripeEvents.Completed(session, StripeEvents.NewId("pi_")));

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => api.PostStripeEventAsync(body)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var outcomes = await Task.WhenAll(answers.Select(async a => (await a.JsonAsync()).GetProperty("outcome").GetString()));
        Assert.Equal(1, outcomes.Count(o => o == "applied"));
        Assert.Equal(9, outcomes.Count(o => o == "replayed"));
        Assert.Equal(before + 500, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
        var user = await PaymentsFactory.UserIdAsync(browser);
        var purchases = await api.InDbAsync(db => db.CreditEntries.CountAsync(e => e.UserId == user && e.Kind == CreditEntryKind.Purchase));
        Assert.Equal(1, purchases);
        var receipts = await api.InDbAsync(db => db.OutboxEmails.CountAsync(e => e.UserId == user && e.Template == "payment-receipt"));
        Assert.Equal(1, receipts);
    }

    [Fact]
    public async Task a_delayed_payment_method_credits_when_the_async_payment_succeeds_not_at_completion()
    {
        var browser = await api.SignUpAsync();
        var session = await api.CheckoutAsync(browser, "small");
        var completed = StripeEvents.Completed(session, StripeEvents.NewId("pi_"));
        completed["payment_status"] = "unpaid";

        await (await api.PostStripeEventAsync(StripeEvents.Event("checkout.session.completed", completed))).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(100, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());

        completed["payment_status"] = "paid";
        await (await api.PostStripeEventAsync(StripeEvents.Event("checkout.session.async_payment_succeeded", completed))).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(600, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task an_event_signed_with_the_retiring_secret_is_accepted_while_secrets_rotate()
    {
        var browser = await api.SignUpAsync();
        var session = await api.CheckoutAsync(browser, "small");
        var body = StripeEvents.Event("checkout.session.completed", StripeEvents.Completed(session, StripeEvents.NewId("pi_")));

        await (await api.PostStripeEventAsync(body, api.RetiringWebhookSecret)).EnsureStatusAsync(HttpStatusCode.OK);

        Assert.Equal(600, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
    }

    [Theory]
    [InlineData("bad signature")]
    [InlineData("old timestamp")]
    [InlineData("unknown secret")]
    [InlineData("no header")]
    public async Task a_bad_signature_an_old_timestamp_or_an_unknown_secret_gets_400_and_credits_nothing(string flaw)
    {
        var browser = await api.SignUpAsync();
        var session = await api.CheckoutAsync(browser, "large");
        var body = StripeEvents.Event("checkout.session.completed", StripeEvents.Completed(session, StripeEvents.NewId("pi_")));

        var response = flaw switch
        {
            "bad signature" => await api.PostStripeEventAsync(body.Replace("\"3000\"", "\"30000\"", StringComparison.Ordinal), signedBody: body),
            "old timestamp" => await api.PostStripeEventAsync(body, signedAt: DateTimeOffset.UtcNow.AddMinutes(-6)),
            "unknown secret" => await api.PostStripeEventAsync(body, "whsec_someone_else"),
            _ => await api.CreateClient().PostAsync("/webhooks/stripe", new StringContent(body)),
        };

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("signing secret", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(100, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
        Assert.True(api.Logs.Any("Stripe webhook", "rejected"), "the rejection is logged");
    }

    [Fact]
    public async Task a_refund_takes_the_credits_back_and_what_was_already_spent_is_owed_and_blocks_new_holds()
    {
        var browser = await api.SignUpAsync();
        var user = await PaymentsFactory.UserIdAsync(browser);
        var paymentIntent = StripeEvents.NewId("pi_");
        var session = await api.CheckoutAsync(browser, "small");
        await (await api.PostStripeEventAsync(StripeEvents.Event("checkout.session.completed", StripeEvents.Completed(session, paymentIntent)))).EnsureStatusAsync(HttpStatusCode.OK);
        await SpendAsync(user, 550);

        var refund = StripeEvents.Event("charge.refunded", StripeEvents.Charge(paymentIntent, 500, 500));
        await (await api.PostStripeEventAsync(refund)).EnsureStatusAsync(HttpStatusCode.OK);
        await (await api.PostStripeEventAsync(refund)).EnsureStatusAsync(HttpStatusCode.OK);

        var credits = await PaymentsFactory.CreditsAsync(browser);
        Assert.Equal(0, credits.GetProperty("balance").GetInt64());
        Assert.Equal(450, credits.GetProperty("owed").GetInt64());
        var hold = await LedgerAsync(l => l.HoldAsync(user, 1, "a job", $"hold:{Guid.NewGuid()}", default));
        Assert.Equal(LedgerOutcome.Insufficient, hold.Outcome);
    }

    [Fact]
    public async Task a_dispute_after_a_partial_refund_takes_back_only_what_the_refund_left()
    {
        var browser = await api.SignUpAsync();
        var paymentIntent = StripeEvents.NewId("pi_");
        var session = await api.CheckoutAsync(browser, "large");
        await (await api.PostStripeEventAsync(StripeEvents.Event("checkout.session.completed", StripeEvents.Completed(session, paymentIntent)))).EnsureStatusAsync(HttpStatusCode.OK);

        await (await api.PostStripeEventAsync(StripeEvents.Event("charge.refunded", StripeEvents.Charge(paymentIntent, 2000, 500)))).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(100 + 3000 - 750, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
        await (await api.PostStripeEventAsync(StripeEvents.Event("charge.dispute.created", StripeEvents.Dispute(paymentIntent, 2000)))).EnsureStatusAsync(HttpStatusCode.OK);

        var credits = await PaymentsFactory.CreditsAsync(browser);
        Assert.Equal(100, credits.GetProperty("balance").GetInt64());
        Assert.Equal(0, credits.GetProperty("owed").GetInt64());
    }

    [Fact]
    public async Task a_pro_subscription_grants_monthly_credits_and_the_pro_tier_until_it_is_cancelled()
    {
        var browser = await api.SignUpAsync();
        var user = await PaymentsFactory.UserIdAsync(browser);
        var checkout = await (await browser.Http.PostAsJsonAsync("/api/v1/billing/checkout", new { plan = "pro" })).JsonAsync();
        var session = api.Stripe.Sessions[checkout.GetProperty("url").GetString()!.Split('/')[^1]];
        Assert.Equal("subscription", session["mode"]!.GetValue<string>());
        var customer = session["customer"]!.GetValue<string>();
        var subscription = StripeEvents.NewId("sub_");

        await (await api.PostStripeEventAsync(StripeEvents.Event("invoice.paid", StripeEvents.Invoice(customer, subscription, user, 1000)))).EnsureStatusAsync(HttpStatusCode.OK);
        await (await api.PostStripeEventAsync(StripeEvents.Event("invoice.paid", StripeEvents.Invoice(customer, subscription, user, 1000)))).EnsureStatusAsync(HttpStatusCode.OK);

        Assert.Equal(100 + 2000, (await PaymentsFactory.CreditsAsync(browser)).GetProperty("balance").GetInt64());
        Assert.Equal("pro", (await (await browser.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("tier").GetString());
        var again = await browser.Http.PostAsJsonAsync("/api/v1/billing/checkout", new { plan = "pro" });
        await again.ProblemAsync(HttpStatusCode.Conflict);

        await (await api.PostStripeEventAsync(StripeEvents.Event("customer.subscription.deleted", StripeEvents.Subscription(subscription, customer, user, "canceled")))).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("free", (await (await browser.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("tier").GetString());
    }

    [Fact]
    public async Task a_stripe_hiccup_is_retried_with_the_same_idempotency_key()
    {
        var browser = await api.SignUpAsync();
        await api.CheckoutAsync(browser, "small");
        var user = (await PaymentsFactory.UserIdAsync(browser)).ToString();
        api.Stripe.FailNext(2);

        await (await browser.Http.PostAsJsonAsync("/api/v1/billing/checkout", new { pack = "large" })).JsonAsync();

        var attempts = api.Stripe.To("/v1/checkout/sessions").Where(r => r.Body.Contains("large", StringComparison.Ordinal) && r.Body.Contains(user, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.Single(attempts.Select(a => a.Header("Idempotency-Key")).Distinct());
    }

    [Fact]
    public async Task an_unknown_pack_or_both_pack_and_plan_is_a_400_that_points_to_the_catalog()
    {
        var browser = await api.SignUpAsync();

        var unknown = await (await browser.Http.PostAsJsonAsync("/api/v1/billing/checkout", new { pack = "huge" })).ProblemAsync(HttpStatusCode.BadRequest);
        var both = await (await browser.Http.PostAsJsonAsync("/api/v1/billing/checkout", new { pack = "small", plan = "pro" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("/api/v1/billing/catalog", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("not both", both.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var catalog = await (await api.CreateClient().GetAsync("/api/v1/billing/catalog")).JsonAsync();
        Assert.Equal(["small", "medium", "large"], catalog.GetProperty("packs").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task the_billing_portal_opens_for_a_customer_and_explains_itself_to_a_new_user()
    {
        var browser = await api.SignUpAsync();
        await (await browser.Http.GetAsync("/api/v1/billing/portal")).ProblemAsync(HttpStatusCode.Conflict);

        await api.CheckoutAsync(browser, "small");
        var portal = await (await browser.Http.GetAsync("/api/v1/billing/portal")).JsonAsync();

        Assert.StartsWith("https://billing.stripe.com/p/session/", portal.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.NotNull(api.Stripe.To("/v1/billing_portal/sessions")[^1].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task no_secret_ever_appears_in_a_log_line()
    {
        var browser = await api.SignUpAsync();
        var session = await api.CheckoutAsync(browser, "small");
        var body = StripeEvents.Event("checkout.session.completed", StripeEvents.Completed(session, StripeEvents.NewId("pi_")));
        await (await api.PostStripeEventAsync(body)).EnsureStatusAsync(HttpStatusCode.OK);
        await (await api.PostStripeEventAsync(body, "whsec_wrong")).EnsureStatusAsync(HttpStatusCode.BadRequest);
        api.Stripe.FailNext(1);
        await (await browser.Http.GetAsync("/api/v1/billing/portal")).EnsureStatusAsync(HttpStatusCode.OK);
        api.SendGrid.FailNext(1);
        await SendOutboxAsync();
        await SendOutboxAsync();
        Assert.Contains(api.SendGrid.Sent(), r => r.Header("Authorization") == $"Bearer {api.SendGridKey}");

        var lines = api.Logs.Lines;
        Assert.NotEmpty(lines);
        foreach (var secret in new[] { api.StripeKey, api.WebhookSecret, api.RetiringWebhookSecret, api.SendGridKey })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains(secret[..^8], StringComparison.Ordinal));
        }
    }

    private async Task SendOutboxAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(100, default);
        await api.InDbAsync(db => db.OutboxEmails.Where(e => e.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, (DateTimeOffset?)null)));
    }

    private async Task SpendAsync(Guid user, long credits)
    {
        var key = $"job:{Guid.NewGuid()}";
        Assert.True((await LedgerAsync(l => l.HoldAsync(user, credits, "a training job", key, default))).Applied);
        Assert.True((await LedgerAsync(l => l.SettleHoldAsync(user, credits, credits, "a training job", key + ":settle", default))).Applied);
    }

    private Task<LedgerResult> LedgerAsync(Func<CreditLedger, Task<LedgerResult>> operation) =>
        api.InDbAsync(db => operation(new CreditLedger(db, TimeProvider.System)));
}
