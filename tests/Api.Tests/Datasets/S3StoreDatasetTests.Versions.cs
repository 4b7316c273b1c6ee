using System.Net;
using System.Net.Http.Json;
using System.Text;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Datasets;

/// <summary>A data set's next version by the presigned path, completed like any presigned upload.</summary>
public sealed partial class S3StoreDatasetTests
{
    [Fact]
    public async Task a_version_uploaded_by_presigned_url_is_numbered_and_diffed_and_an_open_upload_has_no_version_to_follow()
    {
        var user = await Platform.SignUpAsync();
        var first = await user.Http.IngestAsync(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 60).Select(i => $"{i % 7},{i % 2}\n").Prepend("a,label\n"))), "weekly");
        var firstId = first.GetProperty("id").GetString()!;
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 60).Select(i => $"{i % 7},{i % 3 * 1.5},{i % 2}\n").Prepend("a,b,label\n")));

        var started = await (await user.Http.PostAsJsonAsync($"/api/v1/datasets/{firstId}/versions/uploads", new { sizeBytes = bytes.Length, fileName = "week-2.csv" })).JsonAsync();
        using var direct = new HttpClient();
        await (await direct.PutAsync(PartUrl(started, 1), new ByteArrayContent(bytes))).EnsureStatusAsync(HttpStatusCode.OK);
        var completed = await (await user.Http.PostAsJsonAsync($"/api/v1/datasets/uploads/{started.GetProperty("uploadId").GetString()}/complete", new { parts = Array.Empty<object>() }))
            .JsonAsync(HttpStatusCode.Accepted);

        Assert.Equal((2, "weekly", "csv"), (completed.GetProperty("version").GetInt32(), completed.GetProperty("name").GetString(), completed.GetProperty("format").GetString()));
        var second = await user.Http.SettledAsync(completed.GetProperty("id").GetString()!);
        Assert.Equal("ready", second.GetProperty("status").GetString());
        Assert.Equal("b", second.GetProperty("schemaChanges").GetProperty("added")[0].GetProperty("name").GetString());

        var open = await StartAsync(user.Http, "never-sent.csv", 1000);
        var refused = await (await user.Http.PostAsJsonAsync($"/api/v1/datasets/{open.GetProperty("uploadId").GetString()}/versions/uploads", new { sizeBytes = 10 }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("complete the upload first", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
