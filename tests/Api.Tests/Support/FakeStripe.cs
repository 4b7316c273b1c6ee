using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoMl.Api.Tests.Support;

/// <summary>Stripe's REST API as far as we use it: form-encoded POSTs, Bearer secret key, JSON objects shaped like Stripe's.</summary>
public sealed class FakeStripe : FakeServer
{
    public static async Task<FakeStripe> StartAsync()
    {
        var fake = new FakeStripe();
        await fake.ListenAsync();
        return fake;
    }

    /// <summary>Checkout sessions created so far, by id, as Stripe would hold them; tests complete them in webhook events.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, JsonObject> Sessions { get; } = new();

    /// <summary>Subscriptions Stripe holds, by id: listed per customer and cancelled (DELETE) as Stripe does.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, JsonObject> Subscriptions { get; } = new();

    /// <summary>Invoice payments by invoice id, in the shape of API version 2025-03-31 and later (invoice_payment objects).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, JsonObject> InvoicePayments { get; } = new();

    /// <summary>Billing portal sessions created so far, by id (their return_url is where the portal's "Return" goes).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, JsonObject> PortalSessions { get; } = new();

    /// <summary>
    /// Where a Checkout Session's url points, given its id; Stripe's own page unless a test serves a page of its own (the
    /// browser tests, whose browser must be able to open and pay it).
    /// </summary>
    public Func<string, string> CheckoutPage { get; set; } = id => $"https://checkout.stripe.com/c/pay/{id}";

    /// <summary>Where a billing portal session's url points, given its id.</summary>
    public Func<string, string> PortalPage { get; set; } = id => "https://billing.stripe.com/p/session/" + id;

    public IReadOnlyList<RecordedRequest> To(string path) => Requests.Where(r => r.Path == path).ToList();

    /// <summary>A live subscription of the customer, as Stripe creates one when a subscription checkout completes.</summary>
    public string Subscribe(string customer, Guid userId, string status = "active")
    {
        var id = "sub_" + Id();
        Subscriptions[id] = new JsonObject
        {
            ["id"] = id,
            ["object"] = "subscription",
            ["customer"] = customer,
            ["status"] = status,
            ["metadata"] = new JsonObject { ["user_id"] = userId.ToString(), ["product"] = "pro" },
            ["livemode"] = false,
        };
        return id;
    }

    /// <summary>Records that a card paid the invoice: an invoice payment whose payment intent's latest charge is returned.</summary>
    public (string PaymentIntent, string Charge) PayInvoice(string invoiceId, long amount)
    {
        var (paymentIntent, charge) = ("pi_" + Id(), "ch_" + Id());
        InvoicePayments[invoiceId] = new JsonObject
        {
            ["id"] = "inpay_" + Id(),
            ["object"] = "invoice_payment",
            ["amount_paid"] = amount,
            ["amount_requested"] = amount,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["currency"] = "usd",
            ["invoice"] = invoiceId,
            ["is_default"] = true,
            ["livemode"] = false,
            ["payment"] = new JsonObject { ["type"] = "payment_intent", ["payment_intent"] = paymentIntent },
            ["status"] = "paid",
            ["status_transitions"] = new JsonObject { ["canceled_at"] = null, ["paid_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() },
            // Not part of the wire object: what expanding payment.payment_intent reveals.
            ["_latest_charge"] = charge,
        };
        return (paymentIntent, charge);
    }

    /// <summary>Stripe's bracketed form keys (metadata[user_id], line_items[0][price_data][unit_amount]) as sent.</summary>
    public static Dictionary<string, string> Form(RecordedRequest request) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.Body).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());

    protected override IResult Failure() => Results.Json(
        new JsonObject { ["error"] = new JsonObject { ["type"] = "api_error", ["message"] = "An unknown error occurred" } }, statusCode: 500);

    protected override void Map(WebApplication server)
    {
        server.MapPost("/v1/customers", (HttpRequest request) => Stripe(request, form => new JsonObject
        {
            ["id"] = "cus_" + Id(),
            ["object"] = "customer",
            ["email"] = form.GetValueOrDefault("email"),
            ["metadata"] = Metadata(form),
            ["livemode"] = false,
        }));
        server.MapPost("/v1/checkout/sessions", (HttpRequest request) => Stripe(request, form =>
        {
            var id = "cs_test_" + Id();
            var session = new JsonObject
            {
                ["id"] = id,
                ["object"] = "checkout.session",
                ["mode"] = form.GetValueOrDefault("mode"),
                ["status"] = "open",
                ["payment_status"] = "unpaid",
                ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
                ["customer"] = form.GetValueOrDefault("customer"),
                ["currency"] = form.GetValueOrDefault("line_items[0][price_data][currency]"),
                ["amount_total"] = long.Parse(form.GetValueOrDefault("line_items[0][price_data][unit_amount]") ?? "0", System.Globalization.CultureInfo.InvariantCulture),
                ["metadata"] = Metadata(form),
                ["success_url"] = form.GetValueOrDefault("success_url"),
                ["cancel_url"] = form.GetValueOrDefault("cancel_url"),
                ["url"] = CheckoutPage(id),
                ["livemode"] = false,
            };
            Sessions[id] = (JsonObject)session.DeepClone();
            return session;
        }));
        server.MapPost("/v1/billing_portal/sessions", (HttpRequest request) => Stripe(request, form =>
        {
            var id = "bps_" + Id();
            var portal = new JsonObject
            {
                ["id"] = id,
                ["object"] = "billing_portal.session",
                ["customer"] = form.GetValueOrDefault("customer"),
                ["return_url"] = form.GetValueOrDefault("return_url"),
                ["url"] = PortalPage(id),
                ["livemode"] = false,
            };
            PortalSessions[id] = (JsonObject)portal.DeepClone();
            return portal;
        }));
        server.MapGet("/v1/subscriptions", (HttpRequest request) => Authorized(request, () =>
            List("/v1/subscriptions", Subscriptions.Values
                .Where(sub => sub["customer"]!.GetValue<string>() == request.Query["customer"].ToString() && sub["status"]!.GetValue<string>() != "canceled")
                .Select(sub => sub.DeepClone()))));
        server.MapDelete("/v1/subscriptions/{id}", (HttpRequest request, string id) => Authorized(request, () =>
        {
            if (!Subscriptions.TryGetValue(id, out var subscription))
            {
                return Results.Json(new JsonObject
                {
                    ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["code"] = "resource_missing", ["message"] = $"No such subscription: '{id}'" },
                }, statusCode: 404);
            }
            subscription["status"] = "canceled";
            subscription["canceled_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            return Results.Json(subscription.DeepClone());
        }));
        server.MapGet("/v1/invoice_payments", (HttpRequest request) => Authorized(request, () =>
        {
            // Stripe.net sends expand[0]=…; curl users send expand[]=…; Stripe accepts both.
            var expand = request.Query.Any(q => q.Key.StartsWith("expand[", StringComparison.Ordinal) && q.Value.Contains("data.payment.payment_intent"));
            var found = InvoicePayments.TryGetValue(request.Query["invoice"].ToString(), out var payment) ? [Wire(payment, expand)] : Array.Empty<JsonNode>();
            return List("/v1/invoice_payments", found);
        }));
        server.MapFallback(() => Results.Json(new JsonObject
        {
            ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["message"] = "Unrecognized request URL." },
        }, statusCode: 404));
    }

    private static IResult Authorized(HttpRequest request, Func<IResult> answer) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer sk_", StringComparison.Ordinal)
            ? answer()
            : Results.Json(new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["message"] = "Invalid API Key provided" } }, statusCode: 401);

    private static IResult List(string url, IEnumerable<JsonNode> data) => Results.Json(new JsonObject
    {
        ["object"] = "list",
        ["data"] = new JsonArray(data.ToArray()),
        ["has_more"] = false,
        ["url"] = url,
    });

    private static JsonObject Wire(JsonObject payment, bool expandPaymentIntent)
    {
        var wire = (JsonObject)payment.DeepClone();
        var charge = wire["_latest_charge"]!.GetValue<string>();
        wire.Remove("_latest_charge");
        if (expandPaymentIntent && wire["payment"]!["payment_intent"] is JsonValue id)
        {
            wire["payment"]!["payment_intent"] = new JsonObject
            {
                ["id"] = id.GetValue<string>(),
                ["object"] = "payment_intent",
                ["amount"] = wire["amount_paid"]!.DeepClone(),
                ["currency"] = "usd",
                ["latest_charge"] = charge,
                ["status"] = "succeeded",
                ["livemode"] = false,
            };
        }
        return wire;
    }

    private static async Task<IResult> Stripe(HttpRequest request, Func<Dictionary<string, string>, JsonObject> answer)
    {
        if (!request.Headers.Authorization.ToString().StartsWith("Bearer sk_", StringComparison.Ordinal))
        {
            return Results.Json(new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["message"] = "Invalid API Key provided" } }, statusCode: 401);
        }
        var form = (await request.ReadFormAsync()).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        return Results.Json(answer(form));
    }

    private static JsonObject Metadata(Dictionary<string, string> form)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in form.Where(kv => kv.Key.StartsWith("metadata[", StringComparison.Ordinal)))
        {
            metadata[key["metadata[".Length..^1]] = value;
        }
        return metadata;
    }

    private static string Id() => Guid.NewGuid().ToString("N")[..24];
}
