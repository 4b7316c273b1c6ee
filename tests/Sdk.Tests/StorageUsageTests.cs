using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

[Collection(PlatformCollection.Name)]
public sealed class StorageUsageTests(SdkPlatformFactory platform)
{
    private const long GiB = 1024L * 1024 * 1024;

    [Fact]
    public async Task storage_usage_counts_an_uploaded_data_set_against_the_free_quota()
    {
        using var client = await platform.NewUserClientAsync();
        var empty = await client.Datasets.GetStorageUsageAsync();

        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(Data.File("penguins.csv"))).Id);
        var usage = await client.Datasets.GetStorageUsageAsync();

        Assert.Equal(0, empty.UsedBytes);
        Assert.Equal(DatasetStatuses.Ready, dataset.Status);
        Assert.Equal("free", usage.Tier);
        Assert.Equal(dataset.SizeBytes, usage.UsedBytes);
        Assert.Equal(0, usage.ReservedBytes);
        Assert.Equal(2 * GiB, usage.QuotaBytes);
        Assert.Equal(2 * GiB - dataset.SizeBytes, usage.AvailableBytes);
        Assert.Equal(1 * GiB, usage.MaxUploadBytes);
        Assert.Equal(30, usage.RetentionDays);
    }
}
