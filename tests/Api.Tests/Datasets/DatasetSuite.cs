using System.Net;
using System.Net.Http.Json;
using System.Text;
using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Datasets;

/// <summary>One suite, run against every blob store (the local folder and s3rver).</summary>
public abstract partial class DatasetSuite<TFactory>(TFactory platform) where TFactory : PlatformFactory
{
    protected TFactory Platform { get; } = platform;

    private IBlobStore Blobs => Platform.Services.GetRequiredService<IBlobStore>();

    [Fact]
    public async Task a_csv_uploaded_through_the_api_becomes_ready_with_rows_types_profile_and_preview()
    {
        var user = await Platform.SignUpAsync();
        var id = await user.Http.UploadAsync(await File.ReadAllBytesAsync(TestData.Path("ml/penguins.csv")), "penguins.csv");

        var dataset = await user.Http.SettledAsync(id);

        Assert.Equal("ready", dataset.GetProperty("status").GetString());
        Assert.Equal(344, dataset.GetProperty("rows").GetInt64());
        Assert.Equal("penguins.csv", dataset.GetProperty("name").GetString());
        Assert.Equal(64, dataset.GetProperty("sha256").GetString()!.Length);
        Assert.Equal("categorical", dataset.Column("species").GetProperty("type").GetString());
        var billLength = dataset.Column("bill_length_mm");
        Assert.Equal("numeric", billLength.GetProperty("type").GetString());
        Assert.Equal(2, billLength.GetProperty("missing").GetInt64());
        Assert.InRange(billLength.GetProperty("mean").GetDouble(), 43.9, 44.0);
        Assert.NotEmpty(billLength.GetProperty("histogram").EnumerateArray());
        Assert.NotEmpty(dataset.Column("island").GetProperty("topCategories").EnumerateArray());

        var preview = await (await user.Http.GetAsync($"/api/v1/datasets/{id}/preview?rows=5")).JsonAsync();
        Assert.Equal(5, preview.GetProperty("rows").GetArrayLength());
        Assert.Contains("species", preview.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task the_same_file_uploaded_again_reuses_the_stored_blob_and_profile()
    {
        var user = await Platform.SignUpAsync();
        var bytes = await File.ReadAllBytesAsync(TestData.Path("ml/boston.csv"));
        var first = await user.Http.SettledAsync(await user.Http.UploadAsync(bytes, "boston.csv"));

        var response = await user.Http.PostFileAsync(bytes, "boston again.csv");
        var second = await response.JsonAsync(HttpStatusCode.Accepted);

        Assert.Equal("ready", second.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("sha256").GetString(), second.GetProperty("sha256").GetString());
        Assert.Equal(first.GetProperty("rows").GetInt64(), second.GetProperty("rows").GetInt64());
        var keys = await Platform.InDbAsync(db => Task.FromResult(db.Datasets
            .Where(d => d.Sha256 == second.GetProperty("sha256").GetString()).Select(d => d.OriginalKey).Distinct().ToList()));
        Assert.Single(keys);

        // Deleting one of the two leaves the other working.
        await (await user.Http.DeleteAsync($"/api/v1/datasets/{first.GetProperty("id").GetString()}")).EnsureStatusAsync(HttpStatusCode.NoContent);
        Assert.NotNull(await Blobs.SizeAsync(keys[0], default));
        var left = await (await user.Http.GetAsync($"/api/v1/datasets/{second.GetProperty("id").GetString()}/preview")).JsonAsync();
        Assert.True(left.GetProperty("rows").GetArrayLength() > 0);
    }

    [Fact]
    public async Task rename_and_delete_change_only_what_they_say_and_delete_removes_the_blobs()
    {
        var user = await Platform.SignUpAsync();
        var id = await user.Http.UploadAsync(Encoding.UTF8.GetBytes("a,b,c\n1,2,x\n3,4,y\n5,6,x\n"), "small.csv");
        await user.Http.SettledAsync(id);

        var renamed = await (await user.Http.PatchAsJsonAsync($"/api/v1/datasets/{id}", new { name = "renamed" })).JsonAsync();
        Assert.Equal("renamed", renamed.GetProperty("name").GetString());
        var keys = await Platform.InDbAsync(db => Task.FromResult(db.Datasets.Where(d => d.Id == Guid.Parse(id)).Select(d => new { d.OriginalKey, d.ProcessedKey }).Single()));
        Assert.NotNull(await Blobs.SizeAsync(keys.OriginalKey, default));

        await (await user.Http.DeleteAsync($"/api/v1/datasets/{id}")).EnsureStatusAsync(HttpStatusCode.NoContent);

        await (await user.Http.GetAsync($"/api/v1/datasets/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(await Blobs.SizeAsync(keys.OriginalKey, default));
        Assert.Null(await Blobs.SizeAsync(keys.ProcessedKey!, default));
    }

    [Fact]
    public async Task another_users_data_set_is_a_404_on_every_endpoint()
    {
        var alice = await Platform.SignUpAsync();
        var id = await alice.Http.UploadAsync(Encoding.UTF8.GetBytes("x,y\n1,a\n2,b\n3,a\n"), "alice.csv");
        await alice.Http.SettledAsync(id);
        var bob = await Platform.SignUpAsync();
        // Full scope: the key may rename and delete, so what answers is ownership, not scope.
        var bobKey = Platform.WithKey(await Platform.CreateApiKeyAsync(bob, scope: "full"));

        foreach (var client in new[] { bob.Http, bobKey })
        {
            var list = await (await client.GetAsync("/api/v1/datasets")).JsonAsync();
            Assert.Empty(list.GetProperty("items").EnumerateArray());
            await (await client.GetAsync($"/api/v1/datasets/{id}")).ProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync($"/api/v1/datasets/{id}/preview")).ProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync($"/api/v1/datasets/{id}/download")).ProblemAsync(HttpStatusCode.NotFound);
            await (await client.PatchAsJsonAsync($"/api/v1/datasets/{id}", new { name = "mine now" })).ProblemAsync(HttpStatusCode.NotFound);
            await (await client.DeleteAsync($"/api/v1/datasets/{id}")).ProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostAsJsonAsync($"/api/v1/datasets/uploads/{id}/complete", new { parts = Array.Empty<object>() })).ProblemAsync(HttpStatusCode.NotFound);
        }

        var still = await (await alice.Http.GetAsync($"/api/v1/datasets/{id}")).JsonAsync();
        Assert.Equal("alice.csv", still.GetProperty("name").GetString());
        var download = await alice.Http.GetAsync($"/api/v1/datasets/{id}/download");
        Assert.Equal("x,y\n1,a\n2,b\n3,a\n", await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task an_upload_declared_larger_than_the_tier_allows_is_a_413_and_stores_nothing()
    {
        var user = await Platform.SignUpAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/datasets?name=huge.csv")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("a,b\n1,2\n")),
        };
        request.Content.Headers.ContentLength = 3L * 1024 * 1024 * 1024;

        var problem = await (await user.Http.SendAsync(request)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("free tier", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await (await user.Http.GetAsync("/api/v1/datasets")).JsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task deleting_the_account_removes_every_blob_of_the_user()
    {
        var user = await Platform.SignUpAsync();
        var id = await user.Http.UploadAsync(Encoding.UTF8.GetBytes("p,q\n1,2\n3,4\n5,6\n"), "mine.csv");
        await user.Http.SettledAsync(id);
        var keys = await Platform.InDbAsync(db => Task.FromResult(db.Datasets.Where(d => d.Id == Guid.Parse(id)).Select(d => new { d.OriginalKey, d.ProcessedKey }).Single()));

        await (await user.Http.DeleteAsync("/api/v1/me")).EnsureStatusAsync(HttpStatusCode.NoContent);

        Assert.Null(await Blobs.SizeAsync(keys.OriginalKey, default));
        Assert.Null(await Blobs.SizeAsync(keys.ProcessedKey!, default));
    }

    [Fact]
    public async Task a_data_set_whose_worker_died_mid_ingest_is_ingested_again_by_the_sweeper()
    {
        var user = await Platform.SignUpAsync();
        var id = await user.Http.UploadAsync(Encoding.UTF8.GetBytes("k,v\n1,a\n2,b\n3,a\n4,b\n"), "interrupted.csv");
        await user.Http.SettledAsync(id);
        // As a dead worker leaves it: still ingesting, its lease lapsed, no job in Redis.
        await Platform.InDbAsync(async db =>
        {
            var dataset = db.Datasets.Single(d => d.Id == Guid.Parse(id));
            dataset.Status = Domain.Datasets.DatasetStatus.Ingesting;
            dataset.IngestAttempts = 1;
            dataset.IngestLeaseUntil = DateTimeOffset.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });

        await using (var scope = Platform.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Workers.Datasets.IngestSweeper>().RunAsync(default);
        }

        var dataset = await user.Http.SettledAsync(id);
        Assert.Equal("ready", dataset.GetProperty("status").GetString());
        Assert.Equal(4, dataset.GetProperty("rows").GetInt64());
        Assert.Equal(2, await Platform.InDbAsync(db => Task.FromResult(db.Datasets.Single(d => d.Id == Guid.Parse(id)).IngestAttempts)));
    }
}

public sealed class LocalStoreDatasetTests(LocalPlatformFactory platform) : DatasetSuite<LocalPlatformFactory>(platform), IClassFixture<LocalPlatformFactory>
{
    [Fact]
    public async Task presigned_uploads_are_refused_with_a_pointer_to_the_api_upload()
    {
        var user = await Platform.SignUpAsync();
        var problem = await (await user.Http.PostAsJsonAsync("/api/v1/datasets/uploads", new { name = "big.csv", sizeBytes = 1000 })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("POST /api/v1/datasets", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

public sealed partial class S3StoreDatasetTests(S3PlatformFactory platform) : DatasetSuite<S3PlatformFactory>(platform), IClassFixture<S3PlatformFactory>
{
    [Fact]
    public async Task a_presigned_multipart_upload_goes_straight_to_the_store_and_is_ingested()
    {
        var user = await Platform.SignUpAsync();
        var csv = new StringBuilder("id_col,x,y,label\n");
        for (var i = 0; csv.Length < 7 * 1024 * 1024; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},{i % 97 * 0.5},{i % 13},{(i % 3 == 0 ? "yes" : "no")}\n");
        }
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());

        var started = await (await user.Http.PostAsJsonAsync("/api/v1/datasets/uploads", new { name = "big.csv", sizeBytes = bytes.Length })).JsonAsync();
        var parts = started.GetProperty("parts").EnumerateArray().ToList();
        var partSize = started.GetProperty("partSizeBytes").GetInt64();
        Assert.Equal(2, parts.Count);

        using var direct = new HttpClient();
        var etags = new List<object>();
        foreach (var part in parts)
        {
            var n = part.GetProperty("partNumber").GetInt32();
            var offset = (int)((n - 1) * partSize);
            var put = await direct.PutAsync(part.GetProperty("url").GetString(), new ByteArrayContent(bytes, offset, (int)Math.Min(partSize, bytes.Length - offset)));
            await put.EnsureStatusAsync(HttpStatusCode.OK);
            etags.Add(new { partNumber = n, etag = put.Headers.ETag!.Tag });
        }
        var completed = await (await user.Http.PostAsJsonAsync($"/api/v1/datasets/uploads/{started.GetProperty("uploadId").GetString()}/complete", new { parts = etags }))
            .JsonAsync(HttpStatusCode.Accepted);

        var dataset = await user.Http.SettledAsync(completed.GetProperty("id").GetString()!);
        Assert.Equal("ready", dataset.GetProperty("status").GetString());
        Assert.Equal(bytes.Length, dataset.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), dataset.GetProperty("sha256").GetString());
        Assert.Equal(csv.ToString().Count(c => c == '\n') - 1, dataset.GetProperty("rows").GetInt64());
    }
}
