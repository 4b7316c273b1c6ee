using System.Runtime.CompilerServices;
using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Sdk.Tests.Support;

/// <summary>
/// A pima model trained once per platform and copied into each account that asks: the registry tests need trained
/// models, and training is the slow part. A copy shares the source's bundle, so never delete one.
/// </summary>
public static class TrainedPima
{
    private static readonly ConditionalWeakTable<PlatformFactory, Lazy<Task<Guid>>> Sources = new();

    /// <summary>A new model in the client's account; the first call on a platform trains it with that client.</summary>
    public static async Task<Guid> CopyAsync(PlatformFactory platform, AutoMlClient client)
    {
        var source = await Sources.GetValue(platform, _ => new Lazy<Task<Guid>>(() => TrainAsync(client))).Value;
        var me = await client.Account.GetMeAsync();
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        var model = await db.Models.AsNoTracking().SingleAsync(m => m.Id == source);
        model.Id = Guid.CreateVersion7();
        model.UserId = me.Id;
        model.CreatedAt = DateTimeOffset.UtcNow;
        db.Models.Add(model);
        await db.SaveChangesAsync();
        return model.Id;
    }

    private static async Task<Guid> TrainAsync(AutoMlClient client)
    {
        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(Data.File("pima_diabetes.csv"))).Id);
        var job = await client.Jobs.WaitForCompletionAsync((await client.Jobs.SubmitAsync(new JobRequest { DatasetId = dataset.Id, Target = "diabetes", BudgetSeconds = 10 })).Id);
        Assert.Equal(JobStatuses.Succeeded, job.Status);
        return job.ModelId!.Value;
    }
}
