using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Models;
using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Blobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Tests.Models;

public sealed class PredictionBoundsTests(PredictionPlatformFactory platform) : IClassFixture<PredictionPlatformFactory>
{
    [Fact]
    public async Task predictions_beyond_the_instances_concurrency_get_503_with_retry_after()
    {
        var (user, _, model) = await platform.UserWithModelAsync();
        var gate = platform.Services.GetRequiredService<PredictionGate>();
        // Predictions already running on this instance, as many as it allows (long SHAP requests from someone else).
        var running = Enumerable.Range(0, PredictionPlatformFactory.MaxConcurrent).Select(_ => gate.TryEnter()).ToList();
        Assert.All(running, Assert.NotNull);

        HttpResponseMessage refused;
        try
        {
            refused = await user.Http.PostAsJsonAsync($"/api/v1/models/{model}/predict", new { rows = PredictionPlatformFactory.Rows(100), explain = true });
        }
        finally
        {
            running.ForEach(r => r!.Dispose());
        }

        await refused.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(100, PredictionPlatformFactory.Balance(await user.Http.CreditsAsync()));
        var served = await (await user.Http.PostAsJsonAsync($"/api/v1/models/{model}/predict", new { rows = PredictionPlatformFactory.Rows(100), explain = true })).JsonAsync();
        Assert.Equal(100, served.GetProperty("predictions").GetArrayLength());
    }

    [Fact]
    public async Task the_model_cache_is_bounded_by_bytes()
    {
        var source = await platform.TrainedModelAsync();
        var (bundleKey, bundleBytes) = await platform.InDbAsync(db =>
            db.Models.Where(m => m.Id == source).Select(m => new ValueTuple<string, long>(m.BundleKey, m.BundleBytes)).SingleAsync());
        var blobs = platform.Services.GetRequiredService<IBlobStore>();
        // Three models whose bundles are as large as a real one, and a cache with room for two of them.
        var models = new List<(Guid Id, string Key)>();
        for (var i = 0; i < 3; i++)
        {
            var key = $"test/cache/{Guid.NewGuid():N}.bundle";
            await using (var bundle = await blobs.OpenReadAsync(bundleKey, default))
            {
                await blobs.PutAsync(key, bundle, default);
            }
            models.Add((Guid.NewGuid(), key));
        }
        var loaded = bundleBytes * ModelCache.LoadedBytesPerBundleByte;
        var options = Options.Create(new PlatformOptions { ModelCache = { MaxBytes = (long)(loaded * 2.5) } });
        var cache = new ModelCache(blobs, options, TimeProvider.System);

        await cache.GetAsync(models[0].Id, models[0].Key, default);
        await cache.GetAsync(models[1].Id, models[1].Key, default);
        await cache.GetAsync(models[0].Id, models[0].Key, default); // the first is used again: the second is now the oldest
        await cache.GetAsync(models[2].Id, models[2].Key, default);

        Assert.True(cache.Bytes <= options.Value.ModelCache.MaxBytes, $"{cache.Bytes} bytes kept, bound {options.Value.ModelCache.MaxBytes}");
        Assert.Equal(2 * loaded, cache.Bytes);
        Assert.True(cache.IsLoaded(models[0].Id));
        Assert.False(cache.IsLoaded(models[1].Id), "the least recently used model was kept past the bound");
        Assert.True(cache.IsLoaded(models[2].Id));

        // A bundle larger than the whole bound is served, not kept.
        var tiny = new ModelCache(blobs, Options.Create(new PlatformOptions { ModelCache = { MaxBytes = loaded / 2 } }), TimeProvider.System);
        var bundleServed = await tiny.GetAsync(models[0].Id, models[0].Key, default);
        Assert.NotNull(bundleServed);
        Assert.False(tiny.IsLoaded(models[0].Id));
        Assert.Equal(0, tiny.Bytes);
    }
}
