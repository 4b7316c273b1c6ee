using System.Text.Json;
using AutoMl.Infrastructure.Payments;
using AutoMl.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AutoMl.Infrastructure.Tests.Payments;

public sealed class StripeVectorTests
{
    private static readonly JsonElement Vector = JsonDocument.Parse(File.ReadAllText(TestData.Path("vectors/stripe-webhook.json"))).RootElement.GetProperty("vectors")[0];

    [Fact]
    public void the_shared_stripe_vector_verifies_with_its_secret_among_others()
    {
        var stripeEvent = Verifier(Vector.GetProperty("t").GetInt64() + 60, "whsec_other", Vector.GetProperty("secret").GetString()!)
            .Verify(Vector.GetProperty("body").GetString()!, Header());

        Assert.NotNull(stripeEvent);
        Assert.Equal("evt_1", stripeEvent.Id);
        Assert.Equal("checkout.session.completed", stripeEvent.Type);
    }

    [Fact]
    public void the_shared_stripe_vector_is_refused_when_more_than_five_minutes_old_or_under_another_secret()
    {
        var body = Vector.GetProperty("body").GetString()!;

        Assert.Null(Verifier(Vector.GetProperty("t").GetInt64() + 301, Vector.GetProperty("secret").GetString()!).Verify(body, Header()));
        Assert.Null(Verifier(Vector.GetProperty("t").GetInt64(), "whsec_other").Verify(body, Header()));
        Assert.Null(Verifier(Vector.GetProperty("t").GetInt64(), Vector.GetProperty("secret").GetString()!).Verify(body + " ", Header()));
    }

    private static string Header() => $"t={Vector.GetProperty("t").GetInt64()},v1={Vector.GetProperty("v1").GetString()}";

    private static StripeWebhookVerifier Verifier(long now, params string[] secrets) =>
        new(Options.Create(new StripeOptions { SecretKey = "sk_test_x", WebhookSecrets = string.Join(',', secrets) }),
            new FixedClock(DateTimeOffset.FromUnixTimeSeconds(now)), NullLogger<StripeWebhookVerifier>.Instance);
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
