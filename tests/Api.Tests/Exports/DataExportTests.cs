using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AutoMl.Api.Tests.Support;
using AutoMl.Api.Tests.Workflows;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Exports;
using AutoMl.Testing;
using AutoMl.Workers.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Exports;

public sealed partial class DataExportTests(ExportPlatformFactory platform) : IClassFixture<ExportPlatformFactory>
{
    private sealed record Account(BrowserClient User, Guid Id, string Email, string DatasetId, string ModelId, string JobId, byte[] File, string Key);

    [Fact]
    public async Task the_export_holds_every_row_and_file_of_the_account_and_nothing_of_another_and_its_mailed_link_expires()
    {
        var markerOfB = $"b-only-{Guid.NewGuid():N}";
        var (a, b) = (await AccountAsync("a-" + Guid.NewGuid().ToString("N")), await AccountAsync(markerOfB));

        var requested = await a.User.Http.RequestExportAsync();
        Assert.Equal("queued", requested.GetProperty("status").GetString());
        var id = requested.GetProperty("id").GetString()!;
        var ready = await a.User.Http.ExportUntilAsync(id, s => s is "ready" or "failed");
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.True(ready.GetProperty("sizeBytes").GetInt64() > 0);
        Assert.Equal(ready.GetProperty("finishedAt").GetDateTimeOffset().AddHours(24), ready.GetProperty("expiresAt").GetDateTimeOffset());

        // The link as mailed, opened without a session (a mail app's browser).
        var mail = await Eventually.ReadAsync(() => platform.InDbAsync(db => db.OutboxEmails.AsNoTracking()
            .Where(e => e.UserId == a.Id && e.Template == "export-ready").ToListAsync()), m => m.Count == 1, "the export mail");
        Assert.Equal(a.Email, mail[0].To);
        var link = new Uri(LinkPattern().Match(mail[0].TextBody).Value);
        using var anonymous = platform.CreateClient();
        var zip = await ExportSteps.EntriesAsync(await anonymous.GetAsync(link.PathAndQuery));

        await AssertEverythingOfAsync(zip, a);
        AssertNothingOf(zip, b, markerOfB);
        // A token this platform did not sign names nothing.
        await (await anonymous.GetAsync($"/api/v1/exports/download?token={id.Replace("-", "", StringComparison.Ordinal)}.forged")).ProblemAsync(HttpStatusCode.NotFound);

        // Past its 24 hours the link answers 410 with what to do, and the sweep deletes the zip.
        await platform.InDbAsync(db => db.DataExports.Where(e => e.Id == Guid.Parse(id))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var gone = await (await anonymous.GetAsync(link.PathAndQuery)).ProblemAsync(HttpStatusCode.Gone);
        Assert.Contains("Request a new export", gone.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExportSweep>().RunAsync(CancellationToken.None);
        }
        var expired = await (await a.User.Http.GetAsync($"/api/v1/me/exports/{id}")).JsonAsync();
        Assert.Equal("expired", expired.GetProperty("status").GetString());
        Assert.Equal(JsonValueKindNull, expired.GetProperty("downloadUrl").ValueKind);
        Assert.Null(await platform.Services.GetRequiredService<IBlobStore>().SizeAsync(BlobKeys.Export(a.Id, Guid.Parse(id)), default));
        await (await anonymous.GetAsync(link.PathAndQuery)).ProblemAsync(HttpStatusCode.Gone);

    }

    [Fact]
    public async Task a_link_signed_to_expire_is_a_410_once_its_time_has_passed()
    {
        var (user, userId) = await UserAsync();
        var id = (await user.Http.RequestExportAsync()).GetProperty("id").GetString()!;
        await user.Http.ExportUntilAsync(id, s => s is "ready" or "failed");
        var links = platform.Services.GetRequiredService<ExportLinks>();
        using var anonymous = platform.CreateClient();

        var lapsed = links.RelativeLink(Guid.Parse(id), DateTimeOffset.UtcNow.AddSeconds(-1));

        var problem = await (await anonymous.GetAsync(lapsed)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("not valid", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await platform.InDbAsync(db => db.DataExports.Where(e => e.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        await (await anonymous.GetAsync(lapsed)).ProblemAsync(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task one_export_in_progress_is_a_409_and_a_fourth_in_a_day_is_a_429()
    {
        var (user, userId) = await UserAsync();
        // Held queued by hand: no worker has it, so the test does not race one.
        await platform.InDbAsync(async db =>
        {
            db.DataExports.Add(new DataExport { Id = Guid.CreateVersion7(), UserId = userId, Status = DataExportStatus.Queued, CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        var busy = await (await user.Http.PostAsync("/api/v1/me/export", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already in progress", busy.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await platform.InDbAsync(db => db.DataExports.Where(e => e.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, DataExportStatus.Failed)));
        var second = await user.Http.RequestExportAsync();
        await user.Http.ExportUntilAsync(second.GetProperty("id").GetString()!, s => s is "ready" or "failed");
        var third = await user.Http.RequestExportAsync();
        await user.Http.ExportUntilAsync(third.GetProperty("id").GetString()!, s => s is "ready" or "failed");

        var refused = await user.Http.PostAsync("/api/v1/me/export", null);
        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("3 exports in 24 hours", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.FromHours(23), $"Retry-After {refused.Headers.RetryAfter}");
        Assert.Equal(3, (await (await user.Http.GetAsync("/api/v1/me/exports")).JsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task an_export_whose_job_redis_lost_is_enqueued_again_by_the_sweep()
    {
        var (user, userId) = await UserAsync();
        var lost = new DataExport { Id = Guid.CreateVersion7(), UserId = userId, Status = DataExportStatus.Queued, CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5) };
        await platform.InDbAsync(async db =>
        {
            db.DataExports.Add(lost);
            return await db.SaveChangesAsync();
        });

        await using (var scope = platform.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExportSweep>().RunAsync(CancellationToken.None);
        }

        var ready = await user.Http.ExportUntilAsync(lost.Id.ToString(), s => s is "ready" or "failed");
        Assert.Equal("ready", ready.GetProperty("status").GetString());
    }

    [Fact]
    public async Task a_key_needs_the_full_scope_to_export()
    {
        var (user, _) = await UserAsync();
        using var train = platform.WithKey(await platform.CreateApiKeyAsync(user, "ci", "train"));
        using var full = platform.WithKey(await platform.CreateApiKeyAsync(user, "owner", "full"));

        await (await train.PostAsync("/api/v1/me/export", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await train.GetAsync("/api/v1/me/exports")).ProblemAsync(HttpStatusCode.Forbidden);
        var export = await full.RequestExportAsync();
        await full.ExportUntilAsync(export.GetProperty("id").GetString()!, s => s is "ready");
    }

    [Fact]
    public async Task another_account_sees_no_export_of_yours()
    {
        var (owner, _) = await UserAsync();
        var (other, _) = await UserAsync();
        var id = (await owner.Http.RequestExportAsync()).GetProperty("id").GetString()!;

        await (await other.Http.GetAsync($"/api/v1/me/exports/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await other.Http.GetAsync("/api/v1/me/exports")).JsonAsync()).GetProperty("items").GetArrayLength());
    }

    private async Task<(BrowserClient User, Guid Id)> UserAsync()
    {
        var user = await platform.SignUpAsync();
        return (user, (await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetGuid());
    }

    /// <summary>An account with credits, a data set whose file holds <paramref name="marker"/>, a trained model, an API key, and ledger and audit rows.</summary>
    private async Task<Account> AccountAsync(string marker)
    {
        var (user, id) = await WorkflowSteps.UserWithCreditsAsync(platform, 5_000);
        var email = (await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("email").GetString()!;
        var key = await platform.CreateApiKeyAsync(user, $"key of {marker}");
        // A constant column: the marker is in the file (and its profile) without changing what is learned.
        var lines = await File.ReadAllLinesAsync(TestData.Path("ml/pima_diabetes.csv"));
        var file = Encoding.UTF8.GetBytes(string.Join('\n', lines.Select((l, i) => l + (i == 0 ? ",\"note\"" : $",\"{marker}\""))) + "\n");
        var dataset = await user.Http.UploadAsync(file, $"{marker}.csv");
        Assert.Equal("ready", (await user.Http.SettledAsync(dataset)).GetProperty("status").GetString());
        var trained = await (await user.Http.SubmitAsync(dataset, "diabetes", 10)).JsonAsync(HttpStatusCode.Accepted);
        var job = await user.Http.JobUntilAsync(trained.GetProperty("id").GetString()!, j => j.Ended(), 180);
        Assert.Equal("succeeded", job.Status());
        return new Account(user, id, email, dataset, job.GetProperty("modelId").GetString()!, job.GetProperty("id").GetString()!, file, key);
    }

    private async Task AssertEverythingOfAsync(Dictionary<string, byte[]> zip, Account a)
    {
        var readme = Encoding.UTF8.GetString(zip["README.txt"]);
        Assert.All(zip.Keys.Where(k => k != "README.txt"), path => Assert.Contains(path, readme, StringComparison.Ordinal));

        var profile = System.Text.Json.JsonDocument.Parse(zip["account/profile.json"]).RootElement;
        Assert.Equal(a.Id.ToString(), profile.GetProperty("id").GetString());
        Assert.Equal(a.Email, profile.GetProperty("email").GetString());
        Assert.Equal(Domain.Accounts.Consent.TermsVersion, profile.GetProperty("consent").GetProperty("termsVersion").GetString());

        var db = await platform.InDbAsync(async d => new
        {
            Ledger = await d.CreditEntries.Where(e => e.UserId == a.Id).Select(e => e.Id.ToString()).ToListAsync(),
            Audit = await d.AuditEvents.Where(e => e.UserId == a.Id && e.Action != "data-export-download").Select(e => e.Id.ToString()).ToListAsync(),
            Keys = await d.ApiKeys.Where(k => k.UserId == a.Id).Select(k => k.Id.ToString()).ToListAsync(),
            Datasets = await d.Datasets.Where(x => x.UserId == a.Id).Select(x => new { x.Id, x.OriginalKey }).ToListAsync(),
            Models = await d.Models.Where(m => m.UserId == a.Id).Select(m => new { m.Id, m.BundleKey }).ToListAsync(),
            Jobs = await d.Jobs.Where(j => j.UserId == a.Id).Select(j => j.Id.ToString()).ToListAsync(),
            Trials = await d.Trials.CountAsync(t => d.Jobs.Any(j => j.Id == t.JobId && j.UserId == a.Id)),
            Events = await d.JobEvents.Where(e => e.UserId == a.Id).Select(e => e.Seq.ToString()).ToListAsync(),
            Emails = await d.OutboxEmails.Where(e => e.UserId == a.Id && e.Template != "export-ready").Select(e => e.Id.ToString()).ToListAsync(),
        });
        Assert.Equal(db.Ledger.ToHashSet(), zip.Ids("credits/ledger.jsonl"));
        Assert.True(db.Ledger.Count >= 3, "the welcome bonus, the grant and the training charge");
        Assert.Equal(db.Audit.ToHashSet(), zip.Ids("account/audit-events.jsonl"));
        Assert.Contains(zip.Lines("account/audit-events.jsonl"), e => e.GetProperty("action").GetString() == "data-export");
        Assert.Equal(db.Keys.ToHashSet(), zip.Ids("account/api-keys.jsonl"));
        Assert.Equal(db.Emails.ToHashSet(), zip.Ids("account/emails.jsonl"));
        Assert.Equal(db.Datasets.Select(x => x.Id.ToString()).ToHashSet(), zip.Ids("datasets/datasets.jsonl"));
        Assert.Equal(db.Models.Select(x => x.Id.ToString()).ToHashSet(), zip.Ids("models/models.jsonl"));
        Assert.Equal(db.Jobs.ToHashSet(), zip.Ids("jobs/jobs.jsonl"));
        Assert.Equal(db.Trials, zip.Lines("jobs/trials.jsonl").Count);
        Assert.True(db.Trials > 0);
        Assert.Equal(db.Events.ToHashSet(), zip.Ids("jobs/events.jsonl", "seq"));

        var blobs = platform.Services.GetRequiredService<IBlobStore>();
        foreach (var dataset in db.Datasets)
        {
            var original = zip[$"datasets/{dataset.Id}/original{Path.GetExtension(dataset.OriginalKey)}"];
            Assert.Equal(await BytesAsync(blobs, dataset.OriginalKey), original);
            Assert.Equal(a.File, original);
            Assert.True(zip.ContainsKey($"datasets/{dataset.Id}/profile.json"));
        }
        foreach (var model in db.Models)
        {
            Assert.Equal(await BytesAsync(blobs, model.BundleKey), zip[$"models/{model.Id}/bundle.automl"]);
            Assert.True(zip.ContainsKey($"models/{model.Id}/metadata.json"));
        }
        Assert.Contains(a.ModelId, db.Models.Select(m => m.Id.ToString()));
        Assert.Contains(a.JobId, db.Jobs);
        // Rows that carry an owner carry this one.
        foreach (var path in zip.Keys.Where(k => k.EndsWith(".jsonl", StringComparison.Ordinal)))
        {
            Assert.All(zip.Lines(path), row => Assert.True(!row.TryGetProperty("userId", out var owner) || owner.GetString() == a.Id.ToString(), $"{path}: {row}"));
        }
        var everything = Encoding.UTF8.GetString(zip.Values.SelectMany(v => v).ToArray());
        Assert.DoesNotContain(a.Key, everything, StringComparison.Ordinal);
    }

    private static void AssertNothingOf(Dictionary<string, byte[]> zip, Account b, string marker)
    {
        string[] traces = [b.Id.ToString(), b.Id.ToString("N"), b.Email, b.DatasetId, b.ModelId, b.JobId, marker, $"key of {marker}"];
        foreach (var (path, bytes) in zip)
        {
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var trace in traces)
            {
                Assert.False(text.Contains(trace, StringComparison.OrdinalIgnoreCase), $"{path} holds {trace}, which is the other account's");
            }
        }
    }

    private static async Task<byte[]> BytesAsync(IBlobStore blobs, string key)
    {
        await using var stream = await blobs.OpenReadAsync(key, default);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [GeneratedRegex(@"https?://\S+/api/v1/exports/download\?token=\S+")]
    private static partial Regex LinkPattern();
}
