namespace AutoMl.Sdk;

/// <summary>Retries of requests the API answered 429 (rate limited) or 503 (unavailable), with exponential backoff.</summary>
public sealed class AutoMlRetryOptions
{
    /// <summary>False to see every 429 as a <see cref="RateLimitedException"/> at once. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Retries after the first attempt. Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay, doubled on each retry, when the answer has no Retry-After. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait, Retry-After included. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
