using System.Net;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Models;

/// <summary>
/// API and a worker, rate limits off (the tests measure prices and bounds, not the limiter), and one model trained
/// once for the whole class; each test gets it in an account of its own, with the sign-up credits.
/// </summary>
public sealed class PredictionPlatformFactory : PlatformFactory
{
    public const int MaxConcurrent = 2;

    private readonly SemaphoreSlim training = new(1);
    private Guid? trainedModel;

    public override string BlobProvider => "local";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["AutoMl:RateLimits:Enabled"] = "false",
        ["AutoMl:Predictions:MaxConcurrent"] = MaxConcurrent.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A new account holding a copy of the trained pima model (tree members, so it explains), sharing its bundle unless
    /// <paramref name="ownBundle"/> (a test that deletes the model needs its own).
    /// </summary>
    public async Task<(BrowserClient User, Guid UserId, Guid ModelId)> UserWithModelAsync(bool ownBundle = false)
    {
        var source = await TrainedModelAsync();
        var user = await SignUpAsync();
        var me = await (await user.Http.GetAsync("/api/v1/me")).JsonAsync();
        var userId = Guid.Parse(me.GetProperty("id").GetString()!);
        var modelId = Guid.CreateVersion7();
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
            var model = await db.Models.AsNoTracking().SingleAsync(m => m.Id == source);
            model.Id = modelId;
            model.UserId = userId;
            if (ownBundle)
            {
                // A copy the test may delete: the shared bundle serves every other test's model.
                var key = BlobKeys.ModelBundle(userId, modelId);
                await scope.ServiceProvider.GetRequiredService<IBlobStore>().CopyAsync(model.BundleKey, key, default);
                model.BundleKey = key;
            }
            db.Models.Add(model);
            await db.SaveChangesAsync();
        }
        return (user, userId, modelId);
    }

    public async Task<Guid> TrainedModelAsync()
    {
        await training.WaitAsync();
        try
        {
            if (trainedModel is { } done)
            {
                return done;
            }
            var owner = await SignUpAsync();
            var dataset = await owner.Http.ReadyDatasetAsync("ml/pima_diabetes.csv");
            var submitted = await (await owner.Http.SubmitAsync(dataset, "diabetes", 10)).JsonAsync(HttpStatusCode.Accepted);
            var job = await owner.Http.JobUntilAsync(submitted.GetProperty("id").GetString()!, j => j.Ended(), 120);
            Assert.Equal("succeeded", job.Status());
            trainedModel = Guid.Parse(job.GetProperty("modelId").GetString()!);
            return trainedModel.Value;
        }
        finally
        {
            training.Release();
        }
    }

    /// <summary>Another API instance of this platform (its database, Redis prefix and blob folder), as behind nginx; the caller disposes it.</summary>
    public SharedDatabaseInstance Sibling(IReadOnlyDictionary<string, string>? settings = null) => new(Database, ExternalWorkerEnvironment["Blobs__LocalRoot"], settings);

    /// <summary>Pima rows as a client sends them.</summary>
    public static List<Dictionary<string, object?>> Rows(int count) =>
        Enumerable.Range(0, count).Select(i => new Dictionary<string, object?>
        {
            ["pregnant"] = i % 10,
            ["glucose"] = 80 + (i % 120),
            ["pressure"] = 60 + (i % 30),
            ["triceps"] = 20 + (i % 25),
            ["insulin"] = null,
            ["mass"] = 20.0 + (i % 25),
            ["pedigree"] = 0.1 + (i % 20) / 10.0,
            ["age"] = 21 + (i % 50),
        }).ToList();

    public static long Balance(JsonElement credits) => credits.GetProperty("balance").GetInt64();
}
