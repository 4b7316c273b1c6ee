using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Datasets;

/// <summary>The dashboard cancels a presigned upload by deleting its data set (issue 24).</summary>
public sealed partial class S3StoreDatasetTests
{
    [Fact]
    public async Task a_presigned_upload_deleted_after_its_first_part_leaves_no_data_set_or_reservation_and_cannot_be_completed()
    {
        var email = ApiFactory.NewEmail();
        var user = await Platform.SignUpAsync(email);
        var userId = await UserIdAsync(email);
        // Above the test platform's 6 MiB multipart threshold, so the upload has parts of PartSize.
        const long Size = (2L * PartSize) + 1024;
        var started = await StartAsync(user.Http, "cancelled.csv", Size);
        var id = started.GetProperty("uploadId").GetString()!;
        using (var put = new HttpClient())
        {
            var first = await put.PutAsync(PartUrl(started, 1), new ByteArrayContent(new byte[PartSize]));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        Assert.Equal(Size, await ReservedBytesAsync(userId));

        await (await user.Http.DeleteAsync($"/api/v1/datasets/{id}")).EnsureStatusAsync(HttpStatusCode.NoContent);

        Assert.Empty((await (await user.Http.GetAsync("/api/v1/datasets")).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(0, await ReservedBytesAsync(userId));
        var late = await user.Http.PostAsJsonAsync($"/api/v1/datasets/uploads/{id}/complete", new { parts = new[] { new { partNumber = 1, etag = "x" } } });
        await late.ProblemAsync(HttpStatusCode.NotFound);
    }
}
