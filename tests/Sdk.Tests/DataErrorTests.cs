using System.Net;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

/// <summary>A data mistake reaches SDK users as a 422 with a code they can branch on; a warning passes with Force.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DataErrorTests(SdkPlatformFactory platform)
{
    [Fact]
    public async Task a_data_mistake_throws_with_its_code_and_a_warning_passes_with_force()
    {
        using var client = await platform.NewUserClientAsync();
        var single = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(Data.File("../errors/single_value.csv"))).Id);
        var numbered = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(Data.File("../errors/row_number.csv"))).Id);

        var refused = await Assert.ThrowsAnyAsync<AutoMlApiException>(() =>
            client.Jobs.QuoteAsync(new JobRequest { DatasetId = single.Id, Target = "label", BudgetSeconds = 10, Force = true }));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "target-single-value", false), (refused.StatusCode, refused.Code, refused.Overridable));
        Assert.Contains("'label'", refused.Detail, StringComparison.Ordinal);

        var warned = await Assert.ThrowsAnyAsync<AutoMlApiException>(() =>
            client.Jobs.SubmitAsync(new JobRequest { DatasetId = numbered.Id, Target = "order_no", BudgetSeconds = 10 }));
        Assert.Equal(("target-looks-like-identifier", true), (warned.Code, warned.Overridable));
        Assert.Equal(0, (await client.Credits.GetBalanceAsync()).Held);

        var quote = await client.Jobs.QuoteAsync(new JobRequest { DatasetId = numbered.Id, Target = "order_no", BudgetSeconds = 10, Force = true });
        Assert.True(quote.Credits > 0);
    }
}
