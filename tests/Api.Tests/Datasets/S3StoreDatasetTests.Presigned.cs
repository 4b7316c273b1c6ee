using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Blobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Datasets;

/// <summary>Attacks on presigned uploads: the URL lets its holder write exactly the declared bytes, once, for an hour.</summary>
public sealed partial class S3StoreDatasetTests
{
    private const int PartSize = 5 * 1024 * 1024;

    private IBlobStore Store => Platform.Services.GetRequiredService<IBlobStore>();

    [Fact]
    public async Task a_presigned_part_larger_than_declared_is_refused_by_the_store()
    {
        var user = await Platform.SignUpAsync();
        var single = await StartAsync(user.Http, "small.csv", 1000);
        using var direct = new HttpClient();

        var oversized = await direct.PutAsync(PartUrl(single, 1), new ByteArrayContent(new byte[50_000]));

        Assert.Equal(HttpStatusCode.Forbidden, oversized.StatusCode);

        var multipart = await StartAsync(user.Http, "big.csv", PartSize + 2_000_000);
        Assert.Equal(2, multipart.GetProperty("parts").GetArrayLength());
        var oversizedPart = await direct.PutAsync(PartUrl(multipart, 1), new ByteArrayContent(new byte[PartSize + 1_000_000]));
        Assert.Equal(HttpStatusCode.Forbidden, oversizedPart.StatusCode);
        var oversizedLast = await direct.PutAsync(PartUrl(multipart, 2), new ByteArrayContent(new byte[PartSize]));
        Assert.Equal(HttpStatusCode.Forbidden, oversizedLast.StatusCode);

        // The declared sizes still go in.
        var exact = await direct.PutAsync(PartUrl(single, 1), new ByteArrayContent(DistinctCsv(1, 1000)));
        Assert.Equal(HttpStatusCode.OK, exact.StatusCode);
    }

    [Fact]
    public async Task an_upload_completed_over_its_declared_size_is_refused_and_deleted()
    {
        var email = ApiFactory.NewEmail();
        var user = await Platform.SignUpAsync(email);
        var userId = await UserIdAsync(email);
        var started = await StartAsync(user.Http, "declared-small.csv", 1000);
        var id = Guid.Parse(started.GetProperty("uploadId").GetString()!);
        var url = PartUrl(started, 1);
        var finalKey = await Platform.InDbAsync(db => db.Datasets.Where(d => d.Id == id).Select(d => d.OriginalKey).SingleAsync());
        // As a store that does not check the signed length would take it: straight to s3rver, past the gate.
        var s3rver = new UriBuilder(url) { Port = new Uri(Environment.GetEnvironmentVariable("AUTOML_TEST_S3_URL")!).Port }.Uri;
        using var direct = new HttpClient();
        await (await direct.PutAsync(s3rver, new ByteArrayContent(DistinctCsv(2, 200_000)))).EnsureStatusAsync(HttpStatusCode.OK);

        var refused = await user.Http.PostAsJsonAsync($"/api/v1/datasets/uploads/{id}/complete", new { parts = Array.Empty<object>() });

        var problem = await refused.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("declared", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await user.Http.GetAsync($"/api/v1/datasets/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(await Store.SizeAsync(KeyOf(url), default));
        Assert.Null(await Store.SizeAsync(finalKey, default));
        Assert.Equal(0, await ReservedBytesAsync(userId));
    }

    [Fact]
    public async Task a_presigned_url_cannot_overwrite_the_final_object()
    {
        var user = await Platform.SignUpAsync();
        var original = DistinctCsv(3, 4000);
        var started = await StartAsync(user.Http, "mine.csv", original.Length);
        Assert.True(started.GetProperty("expiresAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow.AddHours(1).AddMinutes(1), "A presigned URL lives at most an hour.");
        var url = PartUrl(started, 1);
        Assert.InRange(int.Parse(System.Web.HttpUtility.ParseQueryString(url.Query)["X-Amz-Expires"]!, System.Globalization.CultureInfo.InvariantCulture), 1, 3600);
        using var direct = new HttpClient();
        await (await direct.PutAsync(url, new ByteArrayContent(original))).EnsureStatusAsync(HttpStatusCode.OK);
        var id = started.GetProperty("uploadId").GetString()!;
        await (await user.Http.PostAsJsonAsync($"/api/v1/datasets/uploads/{id}/complete", new { parts = Array.Empty<object>() })).EnsureStatusAsync(HttpStatusCode.Accepted);
        Assert.Equal("ready", (await user.Http.SettledAsync(id)).GetProperty("status").GetString());

        // The URL is still within its hour: the holder sends other bytes of the same length.
        await direct.PutAsync(url, new ByteArrayContent(DistinctCsv(4, original.Length)));

        var download = await user.Http.GetAsync($"/api/v1/datasets/{id}/download");
        Assert.Equal(original, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task the_sweeper_aborts_abandoned_multipart_uploads()
    {
        var email = ApiFactory.NewEmail();
        var user = await Platform.SignUpAsync(email);
        var userId = await UserIdAsync(email);
        var started = await StartAsync(user.Http, "abandoned.csv", PartSize + 2_000_000);
        var id = Guid.Parse(started.GetProperty("uploadId").GetString()!);
        var url = PartUrl(started, 1);
        using var direct = new HttpClient();
        await (await direct.PutAsync(url, new ByteArrayContent(new byte[PartSize]))).EnsureStatusAsync(HttpStatusCode.OK);
        var storeUploadId = System.Web.HttpUtility.ParseQueryString(url.Query)["uploadId"]!;
        // Left unfinished past its URLs' hour, as a closed browser tab leaves it.
        await Platform.InDbAsync(db => db.Datasets.Where(d => d.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.CreatedAt, DateTimeOffset.UtcNow.AddHours(-3))));

        await using (var scope = Platform.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Workers.Datasets.IngestSweeper>().RunAsync(default);
        }

        // s3rver implements no AbortMultipartUpload (it answers 405), so what is checked is that the abort reached the store.
        Assert.Contains(Platform.Gate.Requests, r => r.Method == "DELETE" && r.Path.EndsWith(KeyOf(url), StringComparison.Ordinal)
            && r.Query.Contains($"uploadId={storeUploadId}", StringComparison.Ordinal));
        var dataset = await (await user.Http.GetAsync($"/api/v1/datasets/{id}")).JsonAsync();
        Assert.Equal("failed", dataset.GetProperty("status").GetString());
        Assert.Equal(0, dataset.GetProperty("sizeBytes").GetInt64());
        await (await user.Http.PostAsJsonAsync($"/api/v1/datasets/uploads/{id}/complete", new { parts = new[] { new { partNumber = 1, etag = "x" } } }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await ReservedBytesAsync(userId));
    }

    [Fact]
    public async Task parallel_presigned_uploads_cannot_exceed_the_quota()
    {
        var email = ApiFactory.NewEmail();
        var user = await Platform.SignUpAsync(email);
        var userId = await UserIdAsync(email);
        const long FileBytes = 1_000_000;
        var quota = StorageLimits.For(Tier.Free).QuotaBytes;
        await FillStorageAsync(userId, quota - (5 * FileBytes) - 1000);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            user.Http.PostAsJsonAsync("/api/v1/datasets/uploads", new { name = $"part-{i}.csv", sizeBytes = FileBytes })));

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            var problem = await refused.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("storage", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        }
        foreach (var started in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
        {
            var id = (await started.JsonAsync()).GetProperty("uploadId").GetString();
            await (await DeleteWithinRateLimitAsync(user.Http, $"/api/v1/datasets/{id}")).EnsureStatusAsync(HttpStatusCode.NoContent);
        }
        Assert.Equal(0, await ReservedBytesAsync(userId));
    }

    /// <summary>The burst above spent the free plan's request bucket: waits out its Retry-After, within a deadline.</summary>
    private static async Task<HttpResponseMessage> DeleteWithinRateLimitAsync(HttpClient http, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var answer = await http.DeleteAsync(path);
            if (answer.StatusCode != HttpStatusCode.TooManyRequests || DateTime.UtcNow > deadline)
            {
                return answer;
            }
            await Task.Delay(answer.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<JsonElement> StartAsync(HttpClient http, string name, long size) =>
        await (await http.PostAsJsonAsync("/api/v1/datasets/uploads", new { name, sizeBytes = size })).JsonAsync();

    private static Uri PartUrl(JsonElement started, int partNumber) =>
        new(started.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("partNumber").GetInt32() == partNumber).GetProperty("url").GetString()!);

    /// <summary>The blob key a path-style presigned URL writes: its path less the bucket.</summary>
    private static string KeyOf(Uri url) => Uri.UnescapeDataString(url.AbsolutePath).Split('/', 3)[2];
}
