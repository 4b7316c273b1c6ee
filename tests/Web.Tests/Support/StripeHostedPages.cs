using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AutoMl.Api.Tests.Payments;
using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AutoMl.Web.Tests.Support;

/// <summary>
/// Stripe's hosted pages for the browser specs: the Checkout page a session's url opens (a "Pay" button and a "Cancel"
/// link) and the billing portal (cancel the plan, "Return"). Paying does what Stripe does: it sends the platform the
/// signed webhook events a real payment sends, in Stripe's wire format, and sends the browser to the success_url. As with
/// Stripe, the events arrive on their own time, after the redirect: POST /test/hold makes the next payments' events wait
/// until POST /test/release, so a spec can see the page before and after they land.
/// </summary>
public sealed class StripeHostedPages : FakeServer
{
    private static readonly HttpClient Webhooks = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly FakeStripe stripe;
    private readonly string webhookSecret;
    private readonly Uri webhookUrl;
    private TaskCompletionSource? gate;

    private StripeHostedPages(FakeStripe stripe, string webhookSecret, Uri webhookUrl) =>
        (this.stripe, this.webhookSecret, this.webhookUrl) = (stripe, webhookSecret, webhookUrl);

    /// <summary>Serves the pages and points <paramref name="stripe"/>'s session urls at them.</summary>
    public static async Task<StripeHostedPages> StartAsync(FakeStripe stripe, string webhookSecret, Uri webhookUrl)
    {
        var pages = new StripeHostedPages(stripe, webhookSecret, webhookUrl);
        await pages.ListenAsync();
        var root = pages.BaseUrl.ToString().TrimEnd('/');
        stripe.CheckoutPage = id => $"{root}/c/pay/{id}";
        stripe.PortalPage = id => $"{root}/p/session/{id}";
        return pages;
    }

    protected override IResult Failure() => Results.StatusCode(500);

    protected override void Map(WebApplication server)
    {
        server.MapGet("/c/pay/{id}", (string id) => stripe.Sessions.TryGetValue(id, out var session) ? CheckoutPage(id, session) : NotFound());
        server.MapPost("/c/pay/{id}", PayAsync);
        server.MapGet("/p/session/{id}", (string id) => stripe.PortalSessions.TryGetValue(id, out var portal) ? PortalPage(id, portal) : NotFound());
        server.MapPost("/p/session/{id}/cancel", CancelPlanAsync);
        server.MapPost("/test/hold", () =>
        {
            Interlocked.CompareExchange(ref gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null);
            return Results.NoContent();
        });
        server.MapPost("/test/release", () =>
        {
            Interlocked.Exchange(ref gate, null)?.TrySetResult();
            return Results.NoContent();
        });
    }

    private IResult PayAsync(string id)
    {
        if (!stripe.Sessions.TryGetValue(id, out var session))
        {
            return NotFound();
        }
        var user = Guid.Parse(session["metadata"]!["user_id"]!.GetValue<string>());
        var customer = session["customer"]!.GetValue<string>();
        var amount = session["amount_total"]!.GetValue<long>();
        var events = new List<string>();
        if (session["mode"]!.GetValue<string>() == "subscription")
        {
            // A subscription's checkout completes, then its first invoice is paid: that invoice grants the month's credits.
            var subscription = stripe.Subscribe(customer, user);
            session["subscription"] = subscription;
            session["status"] = "complete";
            session["payment_status"] = "paid";
            events.Add(StripeEvents.Event("checkout.session.completed", (JsonObject)session.DeepClone()));
            var invoice = StripeEvents.NewId("in_");
            stripe.PayInvoice(invoice, amount);
            events.Add(StripeEvents.Event("invoice.paid", StripeEvents.Invoice(customer, subscription, user, amount, invoice)));
        }
        else
        {
            StripeEvents.Completed(session, StripeEvents.NewId("pi_"));
            events.Add(StripeEvents.Event("checkout.session.completed", (JsonObject)session.DeepClone()));
        }
        var wait = Volatile.Read(ref gate)?.Task ?? Task.CompletedTask;
        _ = Task.Run(async () =>
        {
            try
            {
                await wait.WaitAsync(TimeSpan.FromMinutes(2));
            }
            catch (TimeoutException)
            {
                // A spec that held the events and failed before releasing them: Stripe delivers them anyway.
            }
            foreach (var body in events)
            {
                await SendAsync(body);
            }
        });
        return Results.Redirect(session["success_url"]!.GetValue<string>().Replace("{CHECKOUT_SESSION_ID}", id, StringComparison.Ordinal));
    }

    private async Task<IResult> CancelPlanAsync(string id)
    {
        if (!stripe.PortalSessions.TryGetValue(id, out var portal))
        {
            return NotFound();
        }
        var customer = portal["customer"]!.GetValue<string>();
        foreach (var subscription in stripe.Subscriptions.Values.Where(s => s["customer"]!.GetValue<string>() == customer && s["status"]!.GetValue<string>() != "canceled"))
        {
            subscription["status"] = "canceled";
            subscription["canceled_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            await SendAsync(StripeEvents.Event("customer.subscription.deleted", (JsonObject)subscription.DeepClone()));
        }
        return Results.Redirect(portal["return_url"]!.GetValue<string>());
    }

    /// <summary>Delivers one event as Stripe does: signed with the endpoint's secret (afresh each try), retried until answered 2xx.</summary>
    private async Task SendAsync(string body)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Stripe-Signature", StripeEvents.SignatureHeader(body, webhookSecret, DateTimeOffset.UtcNow));
            try
            {
                using var response = await Webhooks.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                Console.Error.WriteLine($"Fake Stripe: the platform answered a webhook {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException e)
            {
                Console.Error.WriteLine($"Fake Stripe: a webhook did not reach the platform: {e.Message}");
            }
            if (attempt == 5)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(attempt));
        }
    }

    private static IResult CheckoutPage(string id, JsonObject session)
    {
        var amount = session["amount_total"]!.GetValue<long>() / 100m;
        var what = session["mode"]!.GetValue<string>() == "subscription" ? "Pro plan, monthly" : $"{session["metadata"]?["credits"]} credits";
        return Page("Checkout (test)", $"""
            <h1>Checkout (test)</h1>
            <p>{Enc(what)} for {amount:0.00} {Enc(session["currency"]?.ToString().ToUpperInvariant() ?? "")}</p>
            <form method="post" action="/c/pay/{Enc(id)}"><button type="submit">Pay</button></form>
            <p><a href="{Enc(session["cancel_url"]!.GetValue<string>())}">Cancel</a></p>
            """);
    }

    private static IResult PortalPage(string id, JsonObject portal) => Page("Billing portal (test)", $"""
        <h1>Billing portal (test)</h1>
        <form method="post" action="/p/session/{Enc(id)}/cancel"><button type="submit">Cancel plan</button></form>
        <p><a href="{Enc(portal["return_url"]!.GetValue<string>())}">Return</a></p>
        """);

    private static IResult Page(string title, string body) => Results.Content(
        $"""<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>{title}</title></head><body>{body}</body></html>""",
        "text/html; charset=utf-8");

    private static IResult NotFound() => Results.Content("<!doctype html><title>Not found</title><h1>No such session</h1>", "text/html", statusCode: 404);

    private static string Enc(string? text) => WebUtility.HtmlEncode(text ?? "");
}
