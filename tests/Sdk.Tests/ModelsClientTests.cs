using AutoMl.Infrastructure.Persistence;
using AutoMl.Sdk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Sdk.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ModelsClientTests(SdkPlatformFactory platform)
{
    [Fact]
    public async Task models_are_listed_filtered_sorted_compared_and_show_their_ensemble()
    {
        using var client = await platform.NewUserClientAsync();
        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(Data.File("penguins.csv"))).Id);
        var job = await client.Jobs.WaitForCompletionAsync((await client.Jobs.SubmitAsync(new JobRequest { DatasetId = dataset.Id, Target = "species", BudgetSeconds = 10 })).Id);
        Assert.Equal(JobStatuses.Succeeded, job.Status);
        var trained = job.ModelId!.Value;
        // A second model to sort and compare against: the same one with a worse log loss, as if trained with a smaller budget.
        var worse = await CopyAsync(trained, score: 5.0);

        var all = await client.Models.ListAsync();
        Assert.Equal([worse, trained], all.Items.Select(m => m.Id));
        Assert.Null(all.NextCursor);
        var listed = all.Items.Single(m => m.Id == trained);
        Assert.Equal(dataset.Name, listed.DatasetName);
        Assert.Equal("species", listed.Target);
        Assert.Equal("multiclass", listed.Task);
        Assert.True(listed.BundleBytes > 0);

        var best = await client.Models.ListAsync(new ModelListOptions { Sort = ModelSort.Score });
        Assert.Equal([trained, worse], best.Items.Select(m => m.Id)); // log loss: the lower leads
        var firstPage = await client.Models.ListAsync(new ModelListOptions { Sort = ModelSort.Score, PageSize = 1 });
        var secondPage = await client.Models.ListAsync(new ModelListOptions { Sort = ModelSort.Score, PageSize = 1, Cursor = firstPage.NextCursor });
        Assert.Equal([trained, worse], firstPage.Items.Concat(secondPage.Items).Select(m => m.Id));
        Assert.Empty((await client.Models.ListAsync(new ModelListOptions { Task = "regression" })).Items);
        Assert.Equal(2, (await client.Models.ListAsync(new ModelListOptions { Search = "penguin", DatasetId = dataset.Id })).Items.Count);
        var refused = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Models.ListAsync(new ModelListOptions { PageSize = 500 }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);

        var comparison = await client.Models.CompareAsync(trained, worse);
        Assert.Equal([trained, worse], comparison.Models.Select(m => m.Summary.Id));
        Assert.Empty(comparison.Warnings);
        var logLoss = comparison.Metrics.Single(m => m.Metric == "logLoss");
        Assert.False(logLoss.HigherIsBetter);
        Assert.Equal(2, logLoss.Values.Count);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, comparison.Models[0].Curves.ValueKind);
        var tooFew = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Models.CompareAsync(trained));
        Assert.Contains("two to four", tooFew.Detail, StringComparison.Ordinal);

        var model = await client.Models.GetAsync(trained);
        Assert.NotEmpty(model.Ensemble);
        Assert.Equal(1.0, model.Ensemble.Sum(m => m.Weight), 6);
        Assert.All(model.Ensemble, m => Assert.False(string.IsNullOrEmpty(m.Learner)));
        // A multiclass model: per-class metrics, no threshold.
        var perClass = model.ReadCurves().PerClass!;
        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], perClass.Select(c => c.Label));
        Assert.All(perClass, c => Assert.InRange(c.F1, 0.5, 1));
        Assert.Equal(model.ReadCurves().Confusion!.Counts.Sum(r => r.Sum()), perClass.Sum(c => c.Support));
        Assert.Null(model.Threshold);
    }

    private async Task<Guid> CopyAsync(Guid source, double score)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        var model = await db.Models.AsNoTracking().SingleAsync(m => m.Id == source);
        model.Id = Guid.CreateVersion7();
        model.Score = score;
        model.CreatedAt = model.CreatedAt.AddSeconds(1);
        db.Models.Add(model);
        await db.SaveChangesAsync();
        return model.Id;
    }
}
