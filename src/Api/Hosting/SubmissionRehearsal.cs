using System.Text.Json;
using AutoMl.Api.Jobs;
using AutoMl.Api.Outcomes;
using AutoMl.Domain.Credits;
using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;

namespace AutoMl.Api.Hosting;

/// <summary>
/// A whole job submission, rehearsed by a starting instance inside a transaction it rolls back: an account, its credits
/// and a ready data set are written, the submission is checked, priced, held and announced as a client's would be, and
/// nothing of it is ever committed (the events' sends wait for a commit, and the Hangfire enqueue comes after one). Each
/// step's query, its EF plan and its JIT-compiled code are then ready for the first real submission, which under a surge
/// onto fresh instances took 0.7-1.2 s while later ones took 40-90 ms (issue 31). The account is new and random, so
/// the rehearsal can touch no one's credits, and a rollback leaves no row, no entry and no event behind.
/// </summary>
internal static class SubmissionRehearsal
{
    private const string Target = "label";

    public static async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AutoMlDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        await using var rehearsal = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            var user = Guid.CreateVersion7();
            var email = $"rehearsal-{user:N}@startup.invalid";
            db.Users.Add(new AppUser
            {
                Id = user,
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAt = now,
            });
            db.CreditAccounts.Add(new CreditAccount { UserId = user, UpdatedAt = now });
            var dataset = new Dataset
            {
                Id = Guid.CreateVersion7(),
                UserId = user,
                Name = "rehearsal.csv",
                Status = DatasetStatus.Ready,
                Format = "csv",
                OriginalKey = $"rehearsal/{user:N}",
                Rows = 100,
                ColumnsJson = ColumnsJson,
                ChecksJson = "[]",
                SampleKey = $"rehearsal/{user:N}/sample",
                TargetSuggestion = Target,
                TaskSuggestion = "binary",
                CreatedAt = now,
                LastUsedAt = now,
            };
            db.Datasets.Add(dataset);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await services.GetRequiredService<CreditLedger>().CreditAsync(user, 1_000_000, CreditEntryKind.Grant, "Start-up rehearsal", $"rehearsal:{user:N}", ct);
            var submitted = await services.GetRequiredService<JobSubmission>().SubmitAsync(
                user, new SubmitJobRequest(dataset.Id, Target, null, null, 60, null), $"rehearsal-{user:N}", ct);
            if (submitted is not Outcome<Job>.Done)
            {
                throw new InvalidOperationException($"The rehearsed submission was refused: {submitted}");
            }
        }
        finally
        {
            await rehearsal.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A numeric feature and a binary label, 100 rows, as an ingest profiles them.</summary>
    private static readonly string ColumnsJson = JsonSerializer.Serialize(new List<DatasetColumn>
    {
        new("x", "numeric", 0, 100, 0, 99, 49.5, 29, [], [], []),
        new(Target, "categorical", 0, 2, null, null, null, null, [], [new("yes", 50), new("no", 50)], []),
    }, JsonSerializerOptions.Web);
}
