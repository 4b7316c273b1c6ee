using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Ml.Bundle;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Models;

/// <summary>
/// Bundles loaded once per API process and kept while used: loading reads the blob and builds ML.NET
/// pipelines (tens of milliseconds), a prediction on a loaded bundle takes microseconds. What it keeps is bounded by
/// estimated memory, not by count: a few large models must not exhaust the instance while many small ones fit
/// (AutoMl__ModelCache__MaxBytes). Past the bound the least recently used go first; a bundle left unused for
/// <see cref="Idle"/> goes too.
/// </summary>
internal sealed class ModelCache(IBlobStore blobs, IOptions<PlatformOptions> options, TimeProvider clock)
{
    /// <summary>
    /// A loaded bundle holds its members' trees and weights, the pipelines built on them and their buffers: a few
    /// times the compressed bundle it came from. An estimate, so the bound holds with room for the error.
    /// </summary>
    public const int LoadedBytesPerBundleByte = 3;

    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    private readonly Lock gate = new();
    private readonly Dictionary<Guid, Entry> entries = [];
    private long bytes;

    /// <summary>The estimated memory of the bundles kept now.</summary>
    public long Bytes
    {
        get
        {
            lock (gate)
            {
                return bytes;
            }
        }
    }

    public Task<ModelBundle> GetAsync(Guid modelId, string bundleKey, CancellationToken ct)
    {
        Entry entry;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            ExpireIdle(now);
            if (!entries.TryGetValue(modelId, out entry!))
            {
                entry = new Entry();
                entries[modelId] = entry;
                entry.Load = Task.Run(() => LoadAsync(modelId, bundleKey, entry), CancellationToken.None);
            }
            entry.LastUsed = now;
        }
        return entry.Load.WaitAsync(ct);
    }

    public void Forget(Guid modelId)
    {
        lock (gate)
        {
            if (entries.Remove(modelId, out var entry))
            {
                bytes -= entry.Bytes;
            }
        }
    }

    /// <summary>Whether the bundle is loaded here, so a prediction with it pays no load.</summary>
    public bool IsLoaded(Guid modelId)
    {
        lock (gate)
        {
            return entries.TryGetValue(modelId, out var entry) && entry.Load.IsCompletedSuccessfully;
        }
    }

    private async Task<ModelBundle> LoadAsync(Guid modelId, string key, Entry entry)
    {
        try
        {
            await using var stream = await blobs.OpenReadAsync(key, CancellationToken.None);
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            buffer.Position = 0;
            var bundle = ModelBundle.Load(buffer);
            Keep(modelId, entry, buffer.Length * LoadedBytesPerBundleByte);
            return bundle;
        }
        catch
        {
            // A failed load is not kept: the next prediction tries again.
            lock (gate)
            {
                if (entries.TryGetValue(modelId, out var current) && current == entry)
                {
                    entries.Remove(modelId);
                }
            }
            throw;
        }
    }

    /// <summary>Counts a loaded bundle and evicts the least recently used others until the bound holds again.</summary>
    private void Keep(Guid modelId, Entry entry, long size)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(modelId, out var current) || current != entry)
            {
                return; // forgotten while it loaded
            }
            entry.Bytes = size;
            bytes += size;
            var max = options.Value.ModelCache.MaxBytes;
            while (bytes > max)
            {
                var victim = entries.Where(e => e.Key != modelId && e.Value.Bytes > 0).OrderBy(e => e.Value.LastUsed).FirstOrDefault();
                if (victim.Value is null)
                {
                    // Larger than the whole bound on its own: this prediction uses it, nothing keeps it.
                    entries.Remove(modelId);
                    bytes -= size;
                    return;
                }
                entries.Remove(victim.Key);
                bytes -= victim.Value.Bytes;
            }
        }
    }

    private void ExpireIdle(DateTimeOffset now)
    {
        foreach (var (id, entry) in entries.Where(e => e.Value.Load.IsCompleted && now - e.Value.LastUsed > Idle).ToList())
        {
            entries.Remove(id);
            bytes -= entry.Bytes;
        }
    }

    private sealed class Entry
    {
        public Task<ModelBundle> Load { get; set; } = null!;

        /// <summary>Estimated memory once loaded; 0 while loading.</summary>
        public long Bytes { get; set; }

        public DateTimeOffset LastUsed { get; set; }
    }
}
