using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMl.Infrastructure.Rewards;

/// <summary>
/// Google's verifier keys, cached for a day and fetched again when a callback names a key id we do not hold (Google
/// rotates keys), at most once per KeyRefetchSeconds. The refresh is serialised per process with a semaphore rather than
/// a RedLock: each API instance holds its own cache, so a cross-instance lock would only make instances wait for a fetch
/// they must then repeat for themselves.
/// </summary>
public sealed class AdMobKeyStore(IHttpClientFactory http, IOptions<AdMobOptions> options, TimeProvider clock, ILogger<AdMobKeyStore> logger)
    : IDisposable
{
    public const string HttpClientName = "admob-keys";

    private readonly SemaphoreSlim refresh = new(1, 1);
    private volatile Snapshot current = new(new Dictionary<long, byte[]>(), DateTimeOffset.MinValue);
    private DateTimeOffset attemptedAt = DateTimeOffset.MinValue;

    public async Task<byte[]?> FindAsync(long keyId, CancellationToken ct)
    {
        if (current.Find(keyId, clock.GetUtcNow(), Freshness) is { } known)
        {
            return known;
        }
        await refresh.WaitAsync(ct);
        try
        {
            if (current.Find(keyId, clock.GetUtcNow(), Freshness) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }
            if (clock.GetUtcNow() - attemptedAt >= TimeSpan.FromSeconds(options.Value.KeyRefetchSeconds))
            {
                await FetchAsync(ct);
            }
            // A stale key still verifies while Google's key server cannot be reached.
            return current.Keys.GetValueOrDefault(keyId);
        }
        finally
        {
            refresh.Release();
        }
    }

    public void Dispose() => refresh.Dispose();

    private TimeSpan Freshness => TimeSpan.FromHours(options.Value.KeyCacheHours);

    private async Task FetchAsync(CancellationToken ct)
    {
        var url = options.Value.VerifierKeysUrl;
        attemptedAt = clock.GetUtcNow();
        try
        {
            var json = await http.CreateClient(HttpClientName).GetStringAsync(new Uri(url), ct);
            current = new Snapshot(AdMobKeys.Parse(json), clock.GetUtcNow());
            logger.LogInformation("AdMob verifier keys fetched: {KeyIds}", string.Join(", ", current.Keys.Keys));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or FormatException
            or KeyNotFoundException or InvalidOperationException or System.Security.Cryptography.CryptographicException
            or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException)
        {
            logger.LogWarning(e, "AdMob verifier keys could not be fetched from {Url}; keeping {Count} cached key(s)", url, current.Keys.Count);
        }
    }

    private sealed record Snapshot(IReadOnlyDictionary<long, byte[]> Keys, DateTimeOffset FetchedAt)
    {
        public byte[]? Find(long keyId, DateTimeOffset now, TimeSpan freshness) =>
            now - FetchedAt < freshness ? Keys.GetValueOrDefault(keyId) : null;
    }
}
