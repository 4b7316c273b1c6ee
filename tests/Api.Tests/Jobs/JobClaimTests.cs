using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Jobs;
using AutoMl.Workers.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Jobs;

/// <summary>
/// The worker's start of a queued job (one round trip since issue 31): the tier's limit of running jobs holds however
/// many workers claim at once, a job starts once, and a suspended account's job does not start.
/// </summary>
public sealed class JobClaimTests(QueuedOnlyPlatformFactory platform) : IClassFixture<QueuedOnlyPlatformFactory>
{
    [Fact]
    public async Task a_free_accounts_second_job_waits_for_the_first_and_a_job_starts_once()
    {
        var (_, jobs) = await QueuedJobsAsync(2);

        Assert.Equal(ClaimOutcome.Claimed, await ClaimAsync(jobs[0]));
        Assert.Equal(ClaimOutcome.NotQueued, await ClaimAsync(jobs[0]));
        Assert.Equal(ClaimOutcome.AtConcurrencyLimit, await ClaimAsync(jobs[1]));
        var first = await platform.InDbAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobs[0]));
        Assert.Equal((JobStatus.Running, 1), (first.Status, first.Attempts));
        Assert.NotNull(first.StartedAt);
        Assert.True(first.LeaseUntil > DateTimeOffset.UtcNow);
        Assert.Equal(JobStatus.Queued, await StatusAsync(jobs[1]));

        await platform.InDbAsync(db => db.Jobs.Where(j => j.Id == jobs[0]).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Succeeded)));
        Assert.Equal(ClaimOutcome.Claimed, await ClaimAsync(jobs[1]));
        Assert.Equal(JobStatus.Running, await StatusAsync(jobs[1]));
    }

    [Fact]
    public async Task eight_claims_at_once_for_a_pro_account_start_exactly_its_four()
    {
        var (user, jobs) = await QueuedJobsAsync(8);
        await platform.InDbAsync(db => db.Users.Where(u => u.Id == user).ExecuteUpdateAsync(s => s.SetProperty(u => u.Tier, Tier.Pro)));

        var outcomes = await Task.WhenAll(jobs.Select(ClaimAsync));

        Assert.Equal(4, outcomes.Count(o => o == ClaimOutcome.Claimed));
        Assert.Equal(4, outcomes.Count(o => o == ClaimOutcome.AtConcurrencyLimit));
        Assert.Equal(4, await platform.InDbAsync(db => db.Jobs.CountAsync(j => j.UserId == user && j.Status == JobStatus.Running)));
    }

    [Fact]
    public async Task a_suspended_accounts_job_and_a_job_asked_to_cancel_do_not_start()
    {
        var (user, jobs) = await QueuedJobsAsync(2);
        await platform.InDbAsync(db => db.Jobs.Where(j => j.Id == jobs[1]).ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true)));
        Assert.Equal(ClaimOutcome.NotQueued, await ClaimAsync(jobs[1]));

        await platform.InDbAsync(db => db.Users.Where(u => u.Id == user).ExecuteUpdateAsync(s => s.SetProperty(u => u.SuspendedAt, DateTimeOffset.UtcNow)));
        Assert.Equal(ClaimOutcome.OwnerSuspended, await ClaimAsync(jobs[0]));
        Assert.Equal(JobStatus.Queued, await StatusAsync(jobs[0]));
    }

    [Fact]
    public async Task a_job_that_does_not_exist_is_not_queued()
    {
        Assert.Equal(ClaimOutcome.NotQueued, await ClaimAsync(Guid.CreateVersion7()));
    }

    private async Task<(Guid User, List<Guid> Jobs)> QueuedJobsAsync(int count)
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync();
        var jobs = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var submitted = await (await user.Http.SubmitAsync(dataset, "species", 10)).JsonAsync(System.Net.HttpStatusCode.Accepted);
            jobs.Add(submitted.GetProperty("id").GetGuid());
        }
        var id = Guid.Parse((await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString()!);
        return (id, jobs);
    }

    private async Task<ClaimOutcome> ClaimAsync(Guid job)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobClaim>().TryStartAsync(job, CancellationToken.None);
    }

    private Task<JobStatus> StatusAsync(Guid job) =>
        platform.InDbAsync(db => db.Jobs.AsNoTracking().Where(j => j.Id == job).Select(j => j.Status).SingleAsync());
}
