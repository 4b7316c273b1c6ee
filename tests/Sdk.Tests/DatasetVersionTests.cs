using System.Net;
using System.Text;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

[Collection(PlatformCollection.Name)]
public sealed class DatasetVersionTests(SdkPlatformFactory platform)
{
    [Fact]
    public async Task a_version_uploaded_through_the_sdk_is_numbered_and_lists_its_schema_changes()
    {
        using var client = await platform.NewUserClientAsync();
        var first = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(Data.File("penguins.csv"))).Id);
        Assert.Equal((1, 1), (first.Version, first.LatestVersion));

        using var content = new MemoryStream(Encoding.UTF8.GetBytes(PenguinsVersions.Second()));
        var uploaded = await client.Datasets.UploadVersionAsync(first.Id, content, "penguins-v2.csv");
        Assert.Equal((2, "penguins.csv"), (uploaded.Version, uploaded.Name));
        var second = await client.Datasets.WaitUntilSettledAsync(uploaded.Id);

        Assert.Equal(DatasetStatuses.Ready, second.Status);
        var changes = second.SchemaChanges!;
        Assert.Equal(1, changes.ComparedWithVersion);
        Assert.Equal([("ring", "numeric")], changes.Added.Select(c => (c.Name, c.Type)));
        Assert.Empty(changes.Removed);
        Assert.Equal([("island", "categorical", "numeric")], changes.Retyped.Select(c => (c.Name, c.From, c.To)));
        var versions = await client.Datasets.ListVersionsAsync(first.Id);
        Assert.Equal([(2, second.Id), (1, first.Id)], versions.Items.Select(v => (v.Version, v.Id)));
        Assert.Equal(["ring"], versions.Items[0].SchemaChanges!.Added.Select(c => c.Name));
        Assert.Null(versions.Items[1].SchemaChanges);
        Assert.Equal(2, (await client.Datasets.GetAsync(first.Id)).LatestVersion);

        var job = await client.Jobs.SubmitAsync(new JobRequest { DatasetId = second.Id, DatasetVersion = 1, Target = "species", BudgetSeconds = 10 });
        Assert.Equal((first.Id, (int?)1), (job.DatasetId, job.DatasetVersion));
        await client.Jobs.CancelAsync(job.Id);

        using var stranger = await platform.NewUserClientAsync();
        var hidden = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => stranger.Datasets.ListVersionsAsync(first.Id));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("No data set with this id exists in your account.", hidden.Detail);
    }
}
