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

    public IReadOnlyList<RecordedRequest> To(string path) => Requests.Where(r => r.Path == path).ToList();

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
                ["url"] = $"https://checkout.stripe.com/c/pay/{id}",
                ["livemode"] = false,
            };
            Sessions[id] = (JsonObject)session.DeepClone();
            return session;
        }));
        server.MapPost("/v1/billing_portal/sessions", (HttpRequest request) => Stripe(request, form => new JsonObject
        {
            ["id"] = "bps_" + Id(),
            ["object"] = "billing_portal.session",
            ["customer"] = form.GetValueOrDefault("customer"),
            ["return_url"] = form.GetValueOrDefault("return_url"),
            ["url"] = "https://billing.stripe.com/p/session/test_" + Id(),
            ["livemode"] = false,
        }));
        server.MapFallback(() => Results.Json(new JsonObject
        {
            ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["message"] = "Unrecognized request URL." },
        }, statusCode: 404));
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
