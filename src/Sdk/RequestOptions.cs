namespace AutoMl.Sdk;

/// <summary>Per-call settings of a request that creates something: its idempotency key and how long to wait for the answer.</summary>
public sealed class RequestOptions
{
    /// <summary>
    /// The Idempotency-Key header (1 to 200 characters). Sending a call again with the same key, even from another
    /// process, gives the first answer and charges once. Null: a fresh key per call, so the SDK's own retries are safe.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>
    /// How long the call may take, retries included; past it the call throws <see cref="TimeoutException"/>. Null: no
    /// limit beyond the cancellation token's (and the HTTP client's own timeout).
    /// </summary>
    public TimeSpan? Timeout { get; init; }
}
