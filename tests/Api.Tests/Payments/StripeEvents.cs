using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AutoMl.Api.Tests.Payments;

/// <summary>Webhook payloads shaped like Stripe's snapshot events, and Stripe's signature scheme (t=…,v1=HMAC-SHA256).</summary>
public static class StripeEvents
{
    public static string Event(string type, JsonObject dataObject, string? id = null, DateTimeOffset? created = null) => new JsonObject
    {
        ["id"] = id ?? NewId("evt_"),
        ["object"] = "event",
        ["api_version"] = "2026-10-28.endive",
        ["created"] = (created ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
        ["data"] = new JsonObject { ["object"] = dataObject.DeepClone() },
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
    }.ToJsonString();

    public static JsonObject Completed(JsonObject session, string paymentIntent)
    {
        session["status"] = "complete";
        session["payment_status"] = "paid";
        session["payment_intent"] = paymentIntent;
        return session;
    }

    public static JsonObject Charge(string paymentIntent, long amount, long refunded, string? id = null) => new()
    {
        ["id"] = id ?? NewId("ch_"),
        ["object"] = "charge",
        ["amount"] = amount,
        ["amount_captured"] = amount,
        ["amount_refunded"] = refunded,
        ["currency"] = "usd",
        ["paid"] = true,
        ["captured"] = true,
        ["refunded"] = refunded >= amount,
        ["payment_intent"] = paymentIntent,
        ["status"] = "succeeded",
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
    };

    public static JsonObject Dispute(string paymentIntent, long amount, string? charge = null) => new()
    {
        ["id"] = NewId("dp_"),
        ["object"] = "dispute",
        ["amount"] = amount,
        ["charge"] = charge ?? NewId("ch_"),
        ["currency"] = "usd",
        ["payment_intent"] = paymentIntent,
        ["reason"] = "fraudulent",
        ["status"] = "needs_response",
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
    };

    /// <summary>
    /// An invoice as API versions since 2025-03-31 send it: no top-level charge or payment_intent, and its payments (an
    /// includable field) left out of events; <see cref="Support.FakeStripe.PayInvoice"/> gives Stripe the payment to list.
    /// </summary>
    public static JsonObject Invoice(string customer, string subscription, Guid userId, long amountPaid, string? id = null) => new()
    {
        ["id"] = id ?? NewId("in_"),
        ["object"] = "invoice",
        ["customer"] = customer,
        ["amount_paid"] = amountPaid,
        ["currency"] = "usd",
        ["status"] = "paid",
        ["billing_reason"] = "subscription_cycle",
        ["parent"] = new JsonObject
        {
            ["type"] = "subscription_details",
            ["subscription_details"] = new JsonObject
            {
                ["subscription"] = subscription,
                ["metadata"] = new JsonObject { ["user_id"] = userId.ToString(), ["product"] = "pro" },
            },
        },
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
    };

    public static JsonObject Subscription(string id, string customer, Guid userId, string status) => new()
    {
        ["id"] = id,
        ["object"] = "subscription",
        ["customer"] = customer,
        ["status"] = status,
        ["metadata"] = new JsonObject { ["user_id"] = userId.ToString(), ["product"] = "pro" },
        ["livemode"] = false,
    };

    public static string SignatureHeader(string body, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..24];
}
