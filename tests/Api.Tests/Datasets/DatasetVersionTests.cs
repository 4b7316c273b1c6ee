using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Datasets;

/// <summary>Versions of a data set: numbered per lineage, diffed against the previous one, trained on by number.</summary>
public sealed class DatasetVersionTests(LocalPlatformFactory platform) : IClassFixture<LocalPlatformFactory>
{
    /// <summary>x, code (numeric) and label; the second shape adds z and turns code into categories.</summary>
    private static byte[] Csv(bool secondShape, int rows = 200)
    {
        var csv = new StringBuilder(secondShape ? "x,code,z,label\n" : "x,code,label\n");
        for (var i = 0; i < rows; i++)
        {
            var code = secondShape ? $"c{i % 5}" : (i % 5).ToString(CultureInfo.InvariantCulture);
            var z = secondShape ? $"{(i % 7 * 0.5).ToString(CultureInfo.InvariantCulture)}," : string.Empty;
            csv.Append(CultureInfo.InvariantCulture, $"{i % 17 * 0.25},{code},{z}{(i % 3 == 0 ? "yes" : "no")}\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static Task<HttpResponseMessage> PostVersionAsync(HttpClient http, string datasetId, byte[] content, string fileName) =>
        http.PostFileAsync(content, fileName, $"/api/v1/datasets/{datasetId}/versions");

    [Fact]
    public async Task a_second_version_is_numbered_listed_and_diffed_against_the_first()
    {
        var user = await platform.SignUpAsync();
        var first = await user.Http.IngestAsync(Csv(false), "weekly.csv");
        var firstId = first.GetProperty("id").GetString()!;
        Assert.Equal(1, first.GetProperty("version").GetInt32());

        var posted = await (await PostVersionAsync(user.Http, firstId, Csv(true), "weekly-2.csv")).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(2, posted.GetProperty("version").GetInt32());
        Assert.Equal("weekly.csv", posted.GetProperty("name").GetString());
        var second = await user.Http.SettledAsync(posted.GetProperty("id").GetString()!);

        Assert.Equal("ready", second.GetProperty("status").GetString());
        Assert.Equal(2, second.GetProperty("latestVersion").GetInt32());
        var changes = second.GetProperty("schemaChanges");
        Assert.Equal(1, changes.GetProperty("comparedWithVersion").GetInt32());
        Assert.Equal(["z"], changes.GetProperty("added").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Empty(changes.GetProperty("removed").EnumerateArray());
        var retyped = Assert.Single(changes.GetProperty("retyped").EnumerateArray());
        Assert.Equal("code", retyped.GetProperty("name").GetString());
        Assert.Equal("numeric", retyped.GetProperty("from").GetString());
        Assert.Equal("categorical", retyped.GetProperty("to").GetString());

        // Version 1 now knows it is not the newest, and has nothing to be compared with.
        var firstAgain = await (await user.Http.GetAsync($"/api/v1/datasets/{firstId}")).JsonAsync();
        Assert.Equal(2, firstAgain.GetProperty("latestVersion").GetInt32());
        Assert.Equal(JsonValueKind.Null, firstAgain.GetProperty("schemaChanges").ValueKind);

        // Paged newest first; any version's id names the lineage.
        var page = await (await user.Http.GetAsync($"/api/v1/datasets/{second.GetProperty("id").GetString()}/versions?pageSize=1")).JsonAsync();
        var top = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(2, top.GetProperty("version").GetInt32());
        Assert.Equal(200, top.GetProperty("rows").GetInt64());
        Assert.Equal("code", top.GetProperty("schemaChanges").GetProperty("retyped")[0].GetProperty("name").GetString());
        var cursor = page.GetProperty("nextCursor").GetString();
        var rest = await (await user.Http.GetAsync($"/api/v1/datasets/{firstId}/versions?pageSize=1&cursor={cursor}")).JsonAsync();
        var bottom = Assert.Single(rest.GetProperty("items").EnumerateArray());
        Assert.Equal(1, bottom.GetProperty("version").GetInt32());
        Assert.Equal(firstId, bottom.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, bottom.GetProperty("schemaChanges").ValueKind);
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("nextCursor").ValueKind);

        // The data sets list shows each version as a data set of its own, with its number.
        var all = await (await user.Http.GetAsync("/api/v1/datasets")).JsonAsync();
        Assert.Equal([2, 1], all.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task a_job_naming_a_version_trains_on_that_version_and_an_unknown_version_is_a_404()
    {
        var user = await platform.SignUpAsync();
        var firstId = (await user.Http.IngestAsync(Csv(false), "jobs.csv")).GetProperty("id").GetString()!;
        var second = await (await PostVersionAsync(user.Http, firstId, Csv(true), "jobs.csv")).JsonAsync(HttpStatusCode.Accepted);
        var secondId = second.GetProperty("id").GetString()!;
        await user.Http.SettledAsync(secondId);

        var job = await (await user.Http.PostAsJsonAsync("/api/v1/jobs", new { datasetId = secondId, datasetVersion = 1, target = "label", budgetSeconds = 10 }))
            .JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal((firstId, 1), (job.GetProperty("datasetId").GetString(), job.GetProperty("datasetVersion").GetInt32()));
        var view = await user.Http.JobAsync(job.GetProperty("id").GetString()!);
        Assert.Equal((firstId, 1), (view.GetProperty("datasetId").GetString(), view.GetProperty("datasetVersion").GetInt32()));
        await user.Http.PostAsync($"/api/v1/jobs/{job.GetProperty("id").GetString()}/cancel", null);

        // Without datasetVersion the job trains on the id it names, as before versions existed.
        var plain = await (await user.Http.SubmitAsync(secondId, "label", 10)).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal((secondId, 2), (plain.GetProperty("datasetId").GetString(), plain.GetProperty("datasetVersion").GetInt32()));
        await user.Http.PostAsync($"/api/v1/jobs/{plain.GetProperty("id").GetString()}/cancel", null);

        var missing = await (await user.Http.PostAsJsonAsync("/api/v1/jobs", new { datasetId = firstId, datasetVersion = 7, target = "label", budgetSeconds = 10 }))
            .ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("This data set has no version 7: its newest version is 2.", missing.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task another_users_data_set_has_no_versions_to_read_or_add_to()
    {
        var owner = await platform.SignUpAsync();
        var id = (await owner.Http.IngestAsync(Csv(false), "private.csv")).GetProperty("id").GetString()!;
        var other = await platform.SignUpAsync();

        var list = await (await other.Http.GetAsync($"/api/v1/datasets/{id}/versions")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No data set with this id exists in your account.", list.GetProperty("detail").GetString());
        await (await PostVersionAsync(other.Http, id, Csv(true), "mine.csv")).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.Http.PostAsJsonAsync("/api/v1/jobs", new { datasetId = id, datasetVersion = 1, target = "label", budgetSeconds = 10 }))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await owner.Http.GetAsync($"/api/v1/datasets/{Guid.NewGuid()}/versions")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_failed_version_can_be_followed_and_is_skipped_by_the_next_ones_comparison()
    {
        var user = await platform.SignUpAsync();
        var firstId = (await user.Http.IngestAsync(Csv(false), "skip.csv")).GetProperty("id").GetString()!;
        var broken = await (await PostVersionAsync(user.Http, firstId, Encoding.UTF8.GetBytes("x,code,label\n1,2,yes\n3,4,no,extra\n"), "skip.csv"))
            .JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("failed", (await user.Http.SettledAsync(broken.GetProperty("id").GetString()!)).GetProperty("status").GetString());

        var third = await (await PostVersionAsync(user.Http, broken.GetProperty("id").GetString()!, Csv(true), "skip.csv")).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(3, third.GetProperty("version").GetInt32());
        var ingested = await user.Http.SettledAsync(third.GetProperty("id").GetString()!);

        Assert.Equal(1, ingested.GetProperty("schemaChanges").GetProperty("comparedWithVersion").GetInt32());
        var versions = (await (await user.Http.GetAsync($"/api/v1/datasets/{firstId}/versions")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["ready", "failed", "ready"], versions.Select(v => v.GetProperty("status").GetString()));
        Assert.Equal(1, versions[0].GetProperty("schemaChanges").GetProperty("comparedWithVersion").GetInt32());
        Assert.Equal(JsonValueKind.Null, versions[1].GetProperty("schemaChanges").ValueKind);
        Assert.False(string.IsNullOrEmpty(versions[1].GetProperty("error").GetString()));
    }

    [Fact]
    public async Task two_versions_uploaded_at_once_get_different_numbers()
    {
        var user = await platform.SignUpAsync();
        var id = (await user.Http.IngestAsync(Csv(false), "race.csv")).GetProperty("id").GetString()!;

        // Different bytes, so neither is the other's twin and both take the full path.
        var uploads = await Task.WhenAll(
            PostVersionAsync(user.Http, id, Csv(true, 300), "race.csv"),
            PostVersionAsync(user.Http, id, Csv(false, 400), "race.csv"));
        var numbers = new List<int>();
        foreach (var upload in uploads)
        {
            numbers.Add((await upload.JsonAsync(HttpStatusCode.Accepted)).GetProperty("version").GetInt32());
        }

        Assert.Equal([2, 3], numbers.Order());
        var versions = await (await user.Http.GetAsync($"/api/v1/datasets/{id}/versions")).JsonAsync();
        Assert.Equal([3, 2, 1], versions.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }
}
