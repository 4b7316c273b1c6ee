using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace AutoMl.Infrastructure.Resilience;

/// <summary>
/// The pipeline every call to a provider (Stripe, SendGrid, AdMob's key server) goes through: a timeout per attempt and
/// overall, exponential back-off with jitter, and a circuit breaker per named client, so one provider's outage fails
/// that feature fast instead of tying up the API's threads.
/// </summary>
public static class OutsideCallResilience
{
    public static IHttpClientBuilder AddOutsideCallResilience(this IHttpClientBuilder builder, bool retryUnsafeMethods)
    {
        builder.AddStandardResilienceHandler(o =>
        {
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
            o.Retry.MaxRetryAttempts = 3;
            o.Retry.Delay = TimeSpan.FromMilliseconds(300);
            o.Retry.BackoffType = DelayBackoffType.Exponential;
            o.Retry.UseJitter = true;
            if (!retryUnsafeMethods)
            {
                o.Retry.DisableForUnsafeHttpMethods();
            }
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
            o.CircuitBreaker.FailureRatio = 0.5;
            o.CircuitBreaker.MinimumThroughput = 10;
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(15);
        });
        return builder;
    }
}
