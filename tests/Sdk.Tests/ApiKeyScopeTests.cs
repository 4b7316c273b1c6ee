using System.Net;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ApiKeyScopeTests(SdkPlatformFactory platform)
{
    [Fact]
    public async Task a_read_keys_client_knows_its_scope_and_is_refused_training_with_the_scope_it_lacks()
    {
        var owner = await platform.SignUpAsync();
        using var train = platform.Client(await platform.CreateApiKeyAsync(owner, "pipeline"));
        var dataset = await train.Datasets.WaitUntilSettledAsync((await train.Datasets.UploadFileAsync(Data.File("penguins.csv"))).Id);
        using var read = platform.Client(await platform.CreateApiKeyAsync(owner, "dashboard export", ApiKeyScopes.Read));

        var info = await read.ApiKeys.GetCurrentAsync();
        Assert.Equal(("dashboard export", ApiKeyScopes.Read), (info.Name, info.Scope));
        Assert.Equal(ApiKeyScopes.Train, (await train.ApiKeys.GetCurrentAsync()).Scope);

        var submit = await Assert.ThrowsAnyAsync<AutoMlApiException>(() =>
            read.Jobs.SubmitAsync(new JobRequest { DatasetId = dataset.Id, Target = "species", BudgetSeconds = 10 }));
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(ApiKeyScopes.Train, submit.RequiredScope);
        Assert.Empty((await read.Jobs.ListAsync()).Items);

        var delete = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => train.Datasets.DeleteAsync(dataset.Id));
        Assert.Equal(ApiKeyScopes.Full, delete.RequiredScope);
        Assert.Equal(DatasetStatuses.Ready, (await read.Datasets.GetAsync(dataset.Id)).Status);
    }
}
