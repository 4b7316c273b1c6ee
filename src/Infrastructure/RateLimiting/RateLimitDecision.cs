namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>One request's answer from a bucket; RetryAfter is zero when allowed, UntilFull feeds the RateLimit header's reset.</summary>
public sealed record RateLimitDecision(bool Allowed, int Remaining, TimeSpan RetryAfter, TimeSpan UntilFull, BucketLimit Limit);
