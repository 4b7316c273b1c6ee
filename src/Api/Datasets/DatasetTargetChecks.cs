using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Datasets;
using Microsoft.Extensions.Caching.Memory;

namespace AutoMl.Api.Datasets;

/// <summary>
/// A target's data checks for the Train page's check list and for every quote and submission, remembered per instance:
/// a data set's rows never change (a new upload is a new version), and the quote is asked again on each change of the
/// form, which would otherwise download the sample and run the leakage screen each time.
/// </summary>
internal sealed class DatasetTargetChecks(IMemoryCache cache, IBlobStore blobs)
{
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(10);

    public async Task<List<DatasetCheck>?> ForTargetAsync(Dataset dataset, string target, string? task, CancellationToken ct)
    {
        var key = (nameof(DatasetTargetChecks), dataset.Id, target, task?.ToLowerInvariant());
        if (cache.TryGetValue<List<DatasetCheck>?>(key, out var known))
        {
            return known;
        }
        var checks = await DatasetCheckRun.ForTargetAsync(dataset, target, task, blobs, ct);
        cache.Set(key, checks, new MemoryCacheEntryOptions { SlidingExpiration = Remembered });
        return checks;
    }
}
