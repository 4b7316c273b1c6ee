using System.Net;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

/// <summary>The bundled sample data sets through the SDK (issue 24).</summary>
[Collection(PlatformCollection.Name)]
public sealed class SampleDatasetTests(SdkPlatformFactory platform)
{
    [Fact]
    public async Task a_listed_sample_is_copied_into_the_account_and_ingested_with_the_promised_shape_and_target()
    {
        using var client = await platform.NewUserClientAsync();

        var samples = await client.Datasets.ListSamplesAsync();
        var penguins = Assert.Single(samples, s => s.Name == "penguins");
        Assert.Equal("species", penguins.Target);
        Assert.Equal("multiclass", penguins.Task);

        var created = await client.Datasets.CreateFromSampleAsync(penguins.Name);
        Assert.Equal("species", created.Target);
        var dataset = await client.Datasets.WaitUntilSettledAsync(created.Dataset.Id);

        Assert.Equal(DatasetStatuses.Ready, dataset.Status);
        Assert.Equal(penguins.Rows, dataset.Rows);
        Assert.Equal(penguins.Columns, dataset.Columns!.Count);
        Assert.Contains(dataset.Columns, c => c.Name == created.Target);
        Assert.Equal(dataset.Id, Assert.Single((await client.Datasets.ListAsync()).Items).Id);
    }

    [Fact]
    public async Task an_unknown_sample_throws_a_404_that_names_the_samples()
    {
        using var client = await platform.NewUserClientAsync();

        var error = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Datasets.CreateFromSampleAsync("no-such-sample"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("penguins", error.Detail, StringComparison.Ordinal);
        Assert.Empty((await client.Datasets.ListAsync()).Items);
    }
}
