namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>One bucket a request draws from: its Redis key (prefix included) and its size.</summary>
public sealed record NamedBucket(string Key, BucketLimit Limit);
