using System.Net;
using System.Text.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Models;

[Collection(ModelCatalogCollection.Name)]
public sealed class ModelListTests(ModelCatalogFactory platform)
{
    [Fact]
    public async Task the_list_shows_each_model_with_its_data_set_and_size_and_filters_by_task_data_set_and_text()
    {
        var (user, userId) = await platform.UserAsync();
        var clinic = await platform.DatasetAsync(userId, "Clinic visits 2024");
        var homes = await platform.DatasetAsync(userId, "Boston homes");
        var diabetes = await platform.CopyAsync(userId, regression: false, m => m.DatasetId = clinic);
        var price = await platform.CopyAsync(userId, regression: true, m => m.DatasetId = homes);
        var orphan = await platform.CopyAsync(userId, regression: false, m => m.DatasetId = Guid.NewGuid());

        var all = await ListAsync(user.Http, "");
        Assert.Equal([orphan, price, diabetes], Ids(all));
        var first = all.Single(m => m.GetProperty("id").GetGuid() == diabetes);
        Assert.Equal("Clinic visits 2024", first.GetProperty("datasetName").GetString());
        Assert.Equal("diabetes", first.GetProperty("target").GetString());
        Assert.Equal("binary", first.GetProperty("task").GetString());
        Assert.Equal("auc", first.GetProperty("metric").GetString());
        Assert.True(first.GetProperty("bundleBytes").GetInt64() > 1000);
        Assert.Equal(JsonValueKind.Null, all.Single(m => m.GetProperty("id").GetGuid() == orphan).GetProperty("datasetName").ValueKind);

        Assert.Equal([price], Ids(await ListAsync(user.Http, "task=regression")));
        Assert.Equal([orphan, diabetes], Ids(await ListAsync(user.Http, "task=binary")));
        Assert.Equal([diabetes], Ids(await ListAsync(user.Http, $"datasetId={clinic}")));
        Assert.Equal([diabetes], Ids(await ListAsync(user.Http, "q=CLINIC")));
        Assert.Equal([price], Ids(await ListAsync(user.Http, "q=medv")));
        Assert.Empty(await ListAsync(user.Http, "q=%25"));

        // Another account's models never show.
        var (stranger, _) = await platform.UserAsync();
        Assert.Empty(await ListAsync(stranger.Http, ""));

        var bad = await (await user.Http.GetAsync("/api/v1/models?task=clustering")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("binary, multiclass, regression", bad.GetRawText());
        await (await user.Http.GetAsync("/api/v1/models?sort=accuracy")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await user.Http.GetAsync("/api/v1/models?sort=1")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await user.Http.GetAsync("/api/v1/models?sort=created,score")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await user.Http.GetAsync("/api/v1/models?order=up")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task sorting_by_score_puts_the_best_model_first_whether_its_metric_is_a_score_or_a_loss()
    {
        var (user, userId) = await platform.UserAsync();
        var goodAuc = await platform.CopyAsync(userId, false, m => m.Score = 0.91);
        var poorAuc = await platform.CopyAsync(userId, false, m => m.Score = 0.62);
        var goodRmse = await platform.CopyAsync(userId, true, m => m.Score = 2.5);
        var poorRmse = await platform.CopyAsync(userId, true, m => m.Score = 7.5);

        Assert.Equal([goodAuc, poorAuc], Ids(await ListAsync(user.Http, "task=binary&sort=score")));
        Assert.Equal([goodRmse, poorRmse], Ids(await ListAsync(user.Http, "task=regression&sort=score")));
        Assert.Equal([poorRmse, goodRmse], Ids(await ListAsync(user.Http, "task=regression&sort=score&order=asc")));

        var small = await platform.CopyAsync(userId, false, m => m.BundleBytes = 10);
        var large = await platform.CopyAsync(userId, false, m => m.BundleBytes = 1L << 40);
        var bySize = Ids(await ListAsync(user.Http, "sort=size"));
        Assert.Equal(large, bySize[0]);
        Assert.Equal(small, bySize[^1]);
        Assert.Equal(small, Ids(await ListAsync(user.Http, "sort=size&order=asc"))[0]);
    }

    [Fact]
    public async Task pages_of_any_sort_list_every_model_once()
    {
        var (user, userId) = await platform.UserAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var score = i < 2 ? 0.8 : 0.7 + i / 100.0; // two alike: the tie is broken by id, not lost between pages
            ids.Add(await platform.CopyAsync(userId, false, m => m.Score = score));
        }
        foreach (var sort in new[] { "created", "score", "size" })
        {
            foreach (var order in new[] { "asc", "desc" })
            {
                var seen = new List<Guid>();
                string? cursor = null;
                do
                {
                    var page = await (await user.Http.GetAsync($"/api/v1/models?sort={sort}&order={order}&pageSize=2"
                        + (cursor is null ? "" : $"&cursor={cursor}"))).JsonAsync();
                    seen.AddRange(page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));
                    cursor = page.GetProperty("nextCursor").GetString();
                }
                while (cursor is not null);
                Assert.Equal(Ids(await ListAsync(user.Http, $"sort={sort}&order={order}")), seen);
                Assert.Equal(ids.Order(), seen.Order());
            }
        }

        var created = await (await user.Http.GetAsync("/api/v1/models?pageSize=2")).JsonAsync();
        var foreign = created.GetProperty("nextCursor").GetString();
        var problem = await (await user.Http.GetAsync($"/api/v1/models?pageSize=2&sort=score&cursor={foreign}")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("cursor", problem.GetRawText());
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient http, string query)
    {
        var page = await (await http.GetAsync($"/api/v1/models?{query}")).JsonAsync();
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static List<Guid> Ids(List<JsonElement> models) => models.Select(m => m.GetProperty("id").GetGuid()).ToList();
}
