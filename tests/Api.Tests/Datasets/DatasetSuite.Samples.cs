using System.Net;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Datasets;

namespace AutoMl.Api.Tests.Datasets;

/// <summary>The bundled sample data sets (issue 24): a new user trains without a file of their own.</summary>
public abstract partial class DatasetSuite<TFactory> where TFactory : PlatformFactory
{
    [Fact]
    public async Task every_listed_sample_becomes_a_profiled_data_set_with_the_rows_columns_and_target_the_list_promises()
    {
        var user = await Platform.SignUpAsync();
        var samples = (await (await user.Http.GetAsync("/api/v1/datasets/samples")).JsonAsync()).EnumerateArray().ToList();
        Assert.Contains(samples, s => s.GetProperty("name").GetString() == "penguins" && s.GetProperty("target").GetString() == "species");

        foreach (var sample in samples)
        {
            var name = sample.GetProperty("name").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(sample.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(sample.GetProperty("description").GetString()));

            var created = await (await user.Http.PostAsync($"/api/v1/datasets/samples/{name}", null)).JsonAsync(HttpStatusCode.Accepted);

            Assert.Equal(sample.GetProperty("target").GetString(), created.GetProperty("target").GetString());
            Assert.Equal(sample.GetProperty("task").GetString(), created.GetProperty("task").GetString());
            var dataset = await user.Http.SettledAsync(created.GetProperty("dataset").GetProperty("id").GetString()!);
            Assert.Equal("ready", dataset.GetProperty("status").GetString());
            Assert.Equal(sample.GetProperty("rows").GetInt64(), dataset.GetProperty("rows").GetInt64());
            Assert.Equal(sample.GetProperty("columns").GetInt32(), dataset.GetProperty("columns").GetArrayLength());
            var target = dataset.Column(sample.GetProperty("target").GetString()!);
            Assert.NotEmpty(target.GetProperty("topCategories").EnumerateArray());
        }
        var list = await (await user.Http.GetAsync("/api/v1/datasets")).JsonAsync();
        Assert.Equal(samples.Count, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task the_openapi_document_describes_the_sample_endpoints_and_their_answers()
    {
        var openApi = await (await Platform.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();

        var paths = openApi.GetProperty("paths");
        var list = paths.GetProperty("/api/v1/datasets/samples").GetProperty("get");
        Assert.True(list.GetProperty("responses").TryGetProperty("200", out _), list.GetRawText());
        var create = paths.GetProperty("/api/v1/datasets/samples/{name}").GetProperty("post");
        var answers = create.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.Contains("202", answers);
        Assert.Contains("404", answers);
        var created = openApi.GetProperty("components").GetProperty("schemas").GetProperty("CreatedSampleView").GetProperty("properties");
        Assert.True(created.TryGetProperty("target", out _), created.GetRawText());
        Assert.True(created.TryGetProperty("dataset", out _), created.GetRawText());
    }

    [Fact]
    public async Task a_sample_takes_its_room_in_the_storage_quota()
    {
        var email = ApiFactory.NewEmail();
        var user = await Platform.SignUpAsync(email);

        var created = await (await user.Http.PostAsync("/api/v1/datasets/samples/penguins", null)).JsonAsync(HttpStatusCode.Accepted);

        var size = created.GetProperty("dataset").GetProperty("sizeBytes").GetInt64();
        Assert.Equal(new FileInfo(AutoMl.Testing.TestData.Path("ml/penguins.csv")).Length, size);
        var usage = await (await user.Http.GetAsync("/api/v1/datasets/usage")).JsonAsync();
        Assert.Equal(size, usage.GetProperty("usedBytes").GetInt64());
        Assert.Equal(0, usage.GetProperty("reservedBytes").GetInt64());
    }

    [Fact]
    public async Task a_sample_that_does_not_fit_the_quota_is_refused_and_leaves_nothing()
    {
        var email = ApiFactory.NewEmail();
        var user = await Platform.SignUpAsync(email);
        var userId = await UserIdAsync(email);
        await FillStorageAsync(userId, StorageLimits.For(Tier.Free).QuotaBytes - 1000);

        var problem = await (await user.Http.PostAsync("/api/v1/datasets/samples/penguins", null)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("storage quota is full", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var list = await (await user.Http.GetAsync("/api/v1/datasets")).JsonAsync();
        Assert.Equal(["filler.csv"], list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        Assert.Equal(0, await ReservedBytesAsync(userId));
    }

    [Fact]
    public async Task an_unknown_sample_is_a_404_naming_the_samples_there_are()
    {
        var user = await Platform.SignUpAsync();

        var problem = await (await user.Http.PostAsync("/api/v1/datasets/samples/titanic", null)).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("penguins", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await (await user.Http.GetAsync("/api/v1/datasets")).JsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task a_train_key_may_copy_a_sample_and_a_read_key_may_only_list_them()
    {
        var owner = await Platform.SignUpAsync();
        var read = Platform.WithKey(await Platform.CreateApiKeyAsync(owner, scope: "read"));
        var train = Platform.WithKey(await Platform.CreateApiKeyAsync(owner, scope: "train"));

        await (await read.GetAsync("/api/v1/datasets/samples")).EnsureStatusAsync(HttpStatusCode.OK);
        await (await read.PostAsync("/api/v1/datasets/samples/penguins", null)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await (await owner.Http.GetAsync("/api/v1/datasets")).JsonAsync()).GetProperty("items").EnumerateArray());

        var created = await (await train.PostAsync("/api/v1/datasets/samples/pima-diabetes", null)).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("diabetes", created.GetProperty("target").GetString());
        var dataset = created.GetProperty("dataset");
        Assert.Equal("pima_diabetes.csv", dataset.GetProperty("name").GetString());
        Assert.Contains(dataset.GetProperty("status").GetString(), new[] { "ingesting", "ready" });
    }
}
