using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace AutoMl.Infrastructure.Payments;

/// <summary>Checks the Stripe-Signature header against each configured secret, so a secret can be rotated without dropping events.</summary>
public sealed class StripeWebhookVerifier(IOptions<StripeOptions> options, TimeProvider clock, ILogger<StripeWebhookVerifier> logger)
{
    public Event? Verify(string body, string? signatureHeader)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            logger.LogWarning("Stripe webhook without a Stripe-Signature header rejected");
            return null;
        }
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var secrets = o.Secrets();
        for (var i = 0; i < secrets.Count; i++)
        {
            try
            {
                return EventUtility.ConstructEvent(body, signatureHeader, secrets[i], o.ToleranceSeconds, now, throwOnApiVersionMismatch: false);
            }
            catch (StripeException e)
            {
                logger.LogDebug("Stripe webhook does not verify with secret #{Index}: {Reason}", i + 1, e.Message);
            }
            catch (Newtonsoft.Json.JsonException)
            {
                logger.LogWarning("Stripe webhook signed with a configured secret but its body is not a Stripe event");
                return null;
            }
        }
        logger.LogWarning("Stripe webhook rejected: its signature matches none of the {Count} configured secret(s) within {Tolerance} s", secrets.Count, o.ToleranceSeconds);
        return null;
    }
}
