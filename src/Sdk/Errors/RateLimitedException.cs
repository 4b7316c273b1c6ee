using System.Net;

namespace AutoMl.Sdk;

/// <summary>The API answered 429 and retries were off or ran out: wait <see cref="RetryAfter"/> before trying again.</summary>
public class RateLimitedException : AutoMlApiException
{
    /// <summary>Creates the exception for a 429 answer.</summary>
    /// <param name="title">The problem's title.</param>
    /// <param name="detail">The problem's detail.</param>
    /// <param name="retryAfter">The answer's Retry-After, or null when it had none.</param>
    public RateLimitedException(string title, string? detail, TimeSpan? retryAfter)
        : base(HttpStatusCode.TooManyRequests, title, detail)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>Creates the exception with a default title.</summary>
    public RateLimitedException()
        : this("Too many requests", null, null)
    {
    }

    /// <summary>Creates the exception with a message as its title.</summary>
    /// <param name="message">The message.</param>
    public RateLimitedException(string message)
        : this(message, null, null)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RateLimitedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long the API asked to wait (its Retry-After header), or null when it did not say.</summary>
    public TimeSpan? RetryAfter { get; }
}
