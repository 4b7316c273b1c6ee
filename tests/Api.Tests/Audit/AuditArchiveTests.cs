using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Blobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Parquet.Serialization;

namespace AutoMl.Api.Tests.Audit;

/// <summary>Retention: rows past a year move to Parquet in the blob store, and the chain in the table still checks out.</summary>
public sealed class AuditArchiveTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task rows_past_their_retention_move_to_parquet_whole_and_the_chain_goes_on_from_them()
    {
        // A year and more ago (a database of this fixture's own, so these are the trail's first rows).
        var now = DateTimeOffset.UtcNow;
        foreach (var days in new[] { 400, 399, 366 })
        {
            await api.InDbAsync(async db =>
            {
                await AuditTrail.AppendAsync(db, now.AddDays(-days), new AuditEntry(AuditActions.SignIn, "old@example.com (password)", null), default);
                return 0;
            });
        }
        var admin = await api.AdminAsync();
        var user = await api.SignUpAsync();
        await (await user.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "recent" })).JsonAsync(HttpStatusCode.Created);
        var before = await api.InDbAsync(db => db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        var old = before.Take(3).ToList();

        var run = await ArchiveAsync(a => a.RunAsync(default));

        Assert.Equal(3, run.Rows);
        var remaining = await api.InDbAsync(db => db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        Assert.Equal(before.Skip(3).Select(e => e.Id), remaining);
        var archive = Assert.Single(await api.InDbAsync(db => db.AuditArchives.AsNoTracking().ToListAsync()));
        Assert.Equal((old[0].Id, old[2].Id, 3L), (archive.FirstEventId, archive.LastEventId, archive.Rows));
        Assert.Equal(old[2].Hash, archive.LastHash);

        // The file holds the rows as they were, hashes included, and its SHA-256 is the one recorded.
        var bytes = await ReadBlobAsync(run.BlobKey!);
        Assert.Equal(archive.FileSha256, SHA256.HashData(bytes));
        var rows = (await ParquetSerializer.DeserializeAsync<AuditArchiveRow>(new MemoryStream(bytes))).Data;
        Assert.Equal(old.Select(e => $"{e.Id} {e.Payload} {Convert.ToHexStringLower(e.Hash)}"), rows.Select(r => $"{r.Id} {r.Payload} {r.Hash}"));

        // The chain in the table starts from the archive; a new act follows it.
        await (await user.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "after the archive" })).JsonAsync(HttpStatusCode.Created);
        var check = await (await admin.Http.GetAsync("/api/v1/admin/audit/verify")).JsonAsync();
        Assert.True(check.GetProperty("intact").GetBoolean(), check.ToString());
        Assert.Equal(remaining.Count + 1, check.GetProperty("checked").GetInt64());
        Assert.Equal(0, (await ArchiveAsync(a => a.RunAsync(default))).Rows);

        // Still append-only: a row no archive covers cannot go, even in a transaction that says it archives; nor an archive.
        var refused = await Assert.ThrowsAsync<PostgresException>(() => api.InDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("SET LOCAL automl.audit_archive = 'on'");
            return await db.Database.ExecuteSqlAsync($"DELETE FROM audit_events WHERE id = {remaining[0]}");
        }));
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        var archiveEdit = await Assert.ThrowsAsync<PostgresException>(() =>
            api.InDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_archives SET rows = 0")));
        Assert.Contains("append-only", archiveEdit.MessageText, StringComparison.Ordinal);

        // When every row has been archived, the next row still follows the last archived one.
        var all = await ArchiveAsync(a => a.ArchiveBeforeAsync(DateTimeOffset.UtcNow.AddDays(1), default));
        Assert.Equal(remaining.Count + 1, all.Rows);
        Assert.Equal(0, await api.InDbAsync(db => db.AuditEvents.CountAsync()));
        await (await user.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "on an empty table" })).JsonAsync(HttpStatusCode.Created);
        var after = await (await admin.Http.GetAsync("/api/v1/admin/audit/verify")).JsonAsync();
        Assert.True(after.GetProperty("intact").GetBoolean(), after.ToString());
        Assert.Equal(1, after.GetProperty("checked").GetInt64());
    }

    private async Task<AuditArchiveRun> ArchiveAsync(Func<AuditArchiver, Task<AuditArchiveRun>> run)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<AuditArchiver>());
    }

    private async Task<byte[]> ReadBlobAsync(string key)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await using var stream = await scope.ServiceProvider.GetRequiredService<IBlobStore>().OpenReadAsync(key, default);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
