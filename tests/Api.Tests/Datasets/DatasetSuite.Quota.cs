using System.Net;
using System.Text;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Datasets;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Datasets;

/// <summary>The storage quota holds when many uploads arrive at once.</summary>
public abstract partial class DatasetSuite<TFactory> where TFactory : PlatformFactory
{
    [Fact]
    public async Task parallel_uploads_cannot_exceed_the_quota()
    {
        var email = ApiFactory.NewEmail();
        var user = await Platform.SignUpAsync(email);
        var userId = await UserIdAsync(email);
        const int FileBytes = 64 * 1024;
        var quota = StorageLimits.For(Tier.Free).QuotaBytes;
        var room = (8 * FileBytes) + (FileBytes / 2);
        await FillStorageAsync(userId, quota - room);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => user.Http.PostFileAsync(DistinctCsv(i, FileBytes), $"part-{i}.csv")));

        var accepted = answers.Count(a => a.StatusCode == HttpStatusCode.Accepted);
        Assert.InRange(accepted, 1, 8);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Accepted))
        {
            Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.RequestEntityTooLarge });
            var problem = await refused.ProblemAsync(refused.StatusCode);
            Assert.Contains("storage", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.True(await StoredBytesAsync(userId) <= quota, "The data sets stored pass the quota.");
        Assert.Equal(0, await ReservedBytesAsync(userId));
    }

    [Fact]
    public async Task storage_usage_shows_what_is_stored_against_the_tier_quota()
    {
        var email = ApiFactory.NewEmail();
        var user = await Platform.SignUpAsync(email);
        var userId = await UserIdAsync(email);
        const long Stored = 300L * 1024 * 1024;
        await FillStorageAsync(userId, Stored);

        var usage = await (await user.Http.GetAsync("/api/v1/datasets/usage")).JsonAsync();

        var free = StorageLimits.For(Tier.Free);
        Assert.Equal("free", usage.GetProperty("tier").GetString());
        Assert.Equal(Stored, usage.GetProperty("usedBytes").GetInt64());
        Assert.Equal(free.QuotaBytes, usage.GetProperty("quotaBytes").GetInt64());
        Assert.Equal(free.QuotaBytes - Stored, usage.GetProperty("availableBytes").GetInt64());
        Assert.Equal(free.MaxUploadBytes, usage.GetProperty("maxUploadBytes").GetInt64());
        Assert.Equal(free.RetentionDays, usage.GetProperty("retentionDays").GetInt32());
    }

    protected Task<Guid> UserIdAsync(string email) =>
        Platform.InDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>A data set row that takes <paramref name="bytes"/> of the quota, as a big earlier upload does.</summary>
    protected Task FillStorageAsync(Guid userId, long bytes) => Platform.InDbAsync(db =>
    {
        var id = Guid.CreateVersion7();
        db.Datasets.Add(new Infrastructure.Datasets.Dataset
        {
            Id = id,
            UserId = userId,
            Name = "filler.csv",
            Status = DatasetStatus.Ready,
            Format = "csv",
            SizeBytes = bytes,
            OriginalKey = Infrastructure.Blobs.BlobKeys.DatasetOriginal(userId, id, "csv"),
            CreatedAt = DateTimeOffset.UtcNow,
            LastUsedAt = DateTimeOffset.UtcNow,
        });
        return db.SaveChangesAsync();
    });

    protected Task<long> StoredBytesAsync(Guid userId) => Platform.InDbAsync(db => db.Datasets
        .Where(d => d.UserId == userId && d.Status != DatasetStatus.Uploading)
        .GroupBy(d => d.OriginalKey).Select(g => g.Max(d => d.SizeBytes)).SumAsync());

    protected Task<long> ReservedBytesAsync(Guid userId) => Platform.InDbAsync(db =>
        db.StorageReservations.Where(r => r.UserId == userId).SumAsync(r => r.Bytes));

    /// <summary>A CSV of about <paramref name="bytes"/> bytes whose content differs with <paramref name="seed"/>.</summary>
    protected static byte[] DistinctCsv(int seed, int bytes)
    {
        var csv = new StringBuilder("seed,x,label\n");
        for (var i = 0; csv.Length < bytes - 40; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{seed},{i},{(i % 3 == 0 ? "yes" : "no")}\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString().PadRight(bytes, '\n'));
    }
}
