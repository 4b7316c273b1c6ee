using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Testing;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Models;

/// <summary>
/// Insight through REST: a data set's associations (a copy near 1, a category that sets a number near 1, noise near 0),
/// and a trained model's feature effects, whose partial dependence of the feature the target rises with rises too.
/// </summary>
public sealed class FeatureEffectsTests(LocalPlatformFactory platform) : IClassFixture<LocalPlatformFactory>
{
    [Fact]
    public async Task associations_come_with_the_ingest_and_a_data_set_ingested_before_them_says_to_upload_again()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.IngestAsync(MonotonePrices.Csv(), "flats.csv");
        var id = dataset.GetProperty("id").GetString()!;

        var associations = await (await user.Http.GetAsync($"/api/v1/datasets/{id}/associations")).JsonAsync();

        Assert.Equal(["size", "size_m2", "age", "colour", "noise", "price_band", "price"], associations.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var pairs = associations.GetProperty("pairs").EnumerateArray().ToList();
        double Of(string a, string b, string measure) => Assert.Single(pairs, p =>
            p.GetProperty("a").GetString() == a && p.GetProperty("b").GetString() == b && p.GetProperty("measure").GetString() == measure).GetProperty("value").GetDouble();
        Assert.InRange(Of("size", "size_m2", "pearson"), 0.999, 1);
        Assert.InRange(Of("size", "price", "spearman"), 0.85, 1);
        Assert.InRange(Of("size", "noise", "pearson"), -0.08, 0.08);
        Assert.InRange(Of("price", "price_band", "eta"), 0.9, 1);
        Assert.InRange(Of("colour", "price_band", "cramers-v"), 0, 0.1);

        await (await user.Http.GetAsync($"/api/v1/datasets/{Guid.NewGuid()}/associations")).ProblemAsync(HttpStatusCode.NotFound);
        var other = await platform.SignUpAsync();
        await (await other.Http.GetAsync($"/api/v1/datasets/{id}/associations")).ProblemAsync(HttpStatusCode.NotFound);
        await platform.InDbAsync(db => db.Datasets.Where(d => d.Id == Guid.Parse(id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.AssociationsJson, (string?)null)));
        var before = await (await user.Http.GetAsync($"/api/v1/datasets/{id}/associations")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("upload it again", before.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_stored_partial_dependence_of_a_feature_the_target_rises_with_is_monotone()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.IngestAsync(MonotonePrices.Csv(), "flats.csv");
        var submitted = await (await user.Http.PostAsJsonAsync("/api/v1/jobs", new
        {
            datasetId = dataset.GetProperty("id").GetString(),
            target = "price",
            budgetSeconds = 10,
            excludedColumns = new[] { "price_band", "size_m2" },
        })).JsonAsync(HttpStatusCode.Accepted);
        var job = await user.Http.JobUntilAsync(submitted.GetProperty("id").GetString()!, j => j.Ended(), 180);
        Assert.Equal("succeeded", job.Status());
        var modelId = job.GetProperty("modelId").GetString()!;

        var effects = await (await user.Http.GetAsync($"/api/v1/models/{modelId}/effects")).JsonAsync();

        Assert.Equal(JsonValueKind.Null, effects.GetProperty("outputClass").ValueKind);
        var curves = effects.GetProperty("partialDependence").EnumerateArray().ToList();
        Assert.True(curves.Count == 4, $"curves of {string.Join(", ", curves.Select(c => c.GetProperty("feature").GetString()))}; {effects.GetProperty("note")}");
        var size = Assert.Single(curves, c => c.GetProperty("feature").GetString() == "size");
        Assert.Equal("numeric", size.GetProperty("kind").GetString());
        var grid = size.GetProperty("grid").EnumerateArray().Select(g => g.GetDouble()).ToList();
        var average = size.GetProperty("average").EnumerateArray().Select(a => a.GetDouble()).ToList();
        Assert.Equal(20, grid.Count);
        Assert.True(average.Zip(average.Skip(1)).All(a => a.Second >= a.First), $"not monotone: {string.Join(", ", average)}");
        Assert.True(average[^1] - average[0] > 300, $"the price rose by {average[^1] - average[0]} over the sizes");
        Assert.All(size.GetProperty("ice").EnumerateArray(), line => Assert.Equal(20, line.GetArrayLength()));
        var colour = Assert.Single(curves, c => c.GetProperty("feature").GetString() == "colour");
        Assert.Equal(3, colour.GetProperty("levels").GetArrayLength());
        var shap = effects.GetProperty("shapSummary").EnumerateArray().ToList();
        // Up to 200 rows: on a busy machine the time cap may cut the summary short, and the note says so.
        Assert.InRange(Assert.Single(shap, s => s.GetProperty("feature").GetString() == "size").GetProperty("points").GetArrayLength(), 1, 200);

        var other = await platform.SignUpAsync();
        await (await other.Http.GetAsync($"/api/v1/models/{modelId}/effects")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
