using System.Net;
using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Models;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Models;

/// <summary>
/// The platform with two models trained once for the whole class (pima: binary classification; boston: regression);
/// each test gets an account of its own and copies of them, with the fields it sorts and filters on set as it needs.
/// </summary>
public sealed class ModelCatalogFactory : PlatformFactory
{
    private readonly SemaphoreSlim training = new(1);
    private (Guid Binary, Guid Regression)? trained;

    public override string BlobProvider => "local";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["AutoMl:RateLimits:Enabled"] = "false" };

    public async Task<(BrowserClient User, Guid UserId)> UserAsync()
    {
        var user = await SignUpAsync();
        var me = await (await user.Http.GetAsync("/api/v1/me")).JsonAsync();
        return (user, Guid.Parse(me.GetProperty("id").GetString()!));
    }

    /// <summary>A copy of a trained model in the user's account; the bundle stays the source's (never delete a copy).</summary>
    public async Task<Guid> CopyAsync(Guid userId, bool regression, Action<Model>? change = null)
    {
        var (binary, regressor) = await TrainedAsync();
        var id = Guid.CreateVersion7();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        var model = await db.Models.AsNoTracking().SingleAsync(m => m.Id == (regression ? regressor : binary));
        model.Id = id;
        model.UserId = userId;
        model.CreatedAt = DateTimeOffset.UtcNow;
        change?.Invoke(model);
        db.Models.Add(model);
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A data set row named <paramref name="name"/> in the user's account (a copy of a trained one's row).</summary>
    public async Task<Guid> DatasetAsync(Guid userId, string name)
    {
        var (binary, _) = await TrainedAsync();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        var source = await db.Models.AsNoTracking().Where(m => m.Id == binary).Select(m => m.DatasetId).SingleAsync();
        var dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == source);
        dataset.Id = Guid.CreateVersion7();
        // A copy is a data set of its own, not a second version 1 of the row it copies.
        dataset.LineageId = dataset.Id;
        dataset.UserId = userId;
        dataset.Name = name;
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync();
        return dataset.Id;
    }

    public async Task<(Guid Binary, Guid Regression)> TrainedAsync()
    {
        await training.WaitAsync();
        try
        {
            if (trained is { } done)
            {
                return done;
            }
            var owner = await SignUpAsync();
            var pima = await owner.Http.ReadyDatasetAsync("ml/pima_diabetes.csv");
            var boston = await owner.Http.ReadyDatasetAsync("ml/boston.csv");
            var first = await (await owner.Http.SubmitAsync(pima, "diabetes", 10)).JsonAsync(HttpStatusCode.Accepted);
            var second = await (await owner.Http.SubmitAsync(boston, "medv", 10)).JsonAsync(HttpStatusCode.Accepted);
            var binary = await owner.Http.JobUntilAsync(first.GetProperty("id").GetString()!, j => j.Ended(), 180);
            var regression = await owner.Http.JobUntilAsync(second.GetProperty("id").GetString()!, j => j.Ended(), 180);
            Assert.Equal("succeeded", binary.Status());
            Assert.Equal("succeeded", regression.Status());
            trained = (Guid.Parse(binary.GetProperty("modelId").GetString()!), Guid.Parse(regression.GetProperty("modelId").GetString()!));
            return trained.Value;
        }
        finally
        {
            training.Release();
        }
    }
}

/// <summary>The list and the comparison tests share one platform, so the two models are trained once.</summary>
[CollectionDefinition(Name)]
public sealed class ModelCatalogCollection : ICollectionFixture<ModelCatalogFactory>
{
    public const string Name = "model catalog";
}
