using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Datasets;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Admin;

/// <summary>Issue 30: no work starts for a suspended account, even a job that reaches a worker after the suspension.</summary>
public sealed class SuspendedWorkTests(LocalPlatformFactory platform) : IClassFixture<LocalPlatformFactory>
{
    [Fact]
    public async Task a_worker_never_starts_a_suspended_accounts_job_and_releases_its_hold()
    {
        var user = await platform.SignUpAsync();
        var id = Guid.Parse((await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString()!);
        var job = Guid.CreateVersion7();
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            // What a submission admitted just before its account's suspension committed leaves behind: a queued, held job.
            var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
            var now = DateTimeOffset.UtcNow;
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.SuspendedAt, now).SetProperty(u => u.SuspensionReason, "Fraud review"));
            var dataset = new Dataset
            {
                Id = Guid.CreateVersion7(),
                UserId = id,
                Name = "late.csv",
                Status = DatasetStatus.Ready,
                Format = "csv",
                OriginalKey = $"planted/{Guid.NewGuid():N}",
                CreatedAt = now,
                LastUsedAt = now,
            };
            db.Datasets.Add(dataset);
            db.Jobs.Add(new Job
            {
                Id = job,
                UserId = id,
                Kind = JobKind.Train,
                Status = JobStatus.Queued,
                Queue = "normal",
                DatasetId = dataset.Id,
                Target = "y",
                BudgetSeconds = 60,
                HeldCredits = 10,
                CreatedAt = now,
                EnqueuedAt = now,
            });
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<CreditLedger>().HoldAsync(id, 10, $"Training job {job:N}", $"planted-hold:{job:N}", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<JobEnqueuer>().EnqueueAsync(job, JobKind.Train, "normal", CancellationToken.None);
        }

        var ended = await Eventually.ReadAsync(
            () => platform.InDbAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == job)), j => j.Status != JobStatus.Queued, "the worker to take the job",
            TimeSpan.FromSeconds(60));

        Assert.Equal(JobStatus.Cancelled, ended.Status);
        Assert.Null(ended.StartedAt);
        Assert.Equal(0, ended.ChargedCredits);
        var account = await platform.InDbAsync(db => db.CreditAccounts.AsNoTracking().SingleAsync(a => a.UserId == id));
        Assert.Equal((100, 0), (account.Balance, account.Held));
    }
}
