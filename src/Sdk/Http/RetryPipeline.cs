using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace AutoMl.Sdk.Http;

/// <summary>The one retry policy of the SDK: 429 and 503 only, since those say the request was not done and may be sent again.</summary>
internal static class RetryPipeline
{
    public static HttpRetryStrategyOptions Strategy(AutoMlRetryOptions retry) => new()
    {
        MaxRetryAttempts = Math.Max(1, retry.MaxRetryAttempts),
        Delay = retry.BaseDelay,
        MaxDelay = retry.MaxDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(
            args.Outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable),
    };

    public static HttpMessageHandler Wrap(AutoMlRetryOptions retry, HttpMessageHandler inner)
    {
        if (!retry.Enabled || retry.MaxRetryAttempts < 1)
        {
            return inner;
        }
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(Strategy(retry)).Build();
        return new ResilienceHandler(pipeline) { InnerHandler = inner };
    }
}
