using System.Text.Json;
using System.Threading.Channels;
using AutoMl.Domain.Events;
using AutoMl.Infrastructure.Events;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Ml.Training;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Jobs;

/// <summary>
/// Records each finished trial (row, job progress, trial.completed and job.progress events) on one
/// writer of its own, so the engine's progress callbacks never wait on Postgres or share a DbContext.
/// </summary>
internal sealed class TrialRecorder : IProgress<TrialEvent>, IAsyncDisposable
{
    private readonly Channel<TrialEvent> channel = Channel.CreateUnbounded<TrialEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;
    private readonly AsyncServiceScope scope;

    public TrialRecorder(IServiceScopeFactory scopes, Guid userId, Guid jobId, int budgetSeconds, TimeProvider clock, ILogger logger)
    {
        scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventPublisher>();
        writer = Task.Run(async () =>
        {
            await foreach (var trial in channel.Reader.ReadAllAsync())
            {
                try
                {
                    await RecordAsync(db, events, userId, jobId, budgetSeconds, trial, clock);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not record trial {Trial} of job {JobId}", trial.Trial, jobId);
                }
            }
        });
    }

    public void Report(TrialEvent value)
    {
        Infrastructure.Observability.AutoMlMetrics.TrialCompleted(LearnerName(value.Learner));
        channel.Writer.TryWrite(value);
    }

    private static async Task RecordAsync(AutoMlDbContext db, EventPublisher events, Guid userId, Guid jobId, int budgetSeconds, TrialEvent trial, TimeProvider clock)
    {
        var parameters = JsonSerializer.Serialize(trial.Parameters, JsonSerializerOptions.Web);
        var learner = LearnerName(trial.Learner);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO job_trials (job_id, n, learner, params_json, score, seconds, at)
            VALUES ({jobId}, {trial.Trial}, {learner}, {parameters}::jsonb, {trial.Score}, {trial.TrialSeconds}, {clock.GetUtcNow()})
            ON CONFLICT (job_id, n) DO NOTHING
            """);
        var progress = Math.Clamp(trial.ElapsedSeconds / budgetSeconds, 0, 0.99);
        var eta = Math.Max(0, budgetSeconds - trial.ElapsedSeconds);
        await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Trials, j => j.Trials > trial.Trial ? j.Trials : trial.Trial)
            .SetProperty(j => j.BestScore, trial.BestScore)
            .SetProperty(j => j.Progress, progress)
            .SetProperty(j => j.EtaSeconds, eta));
        await events.PublishAsync(userId, jobId, new TrialCompleted(
            trial.Trial, learner, trial.Parameters, trial.Score, trial.TrialSeconds, trial.ElapsedSeconds, trial.BestScore, trial.BestTrial),
            CancellationToken.None);
        await events.PublishAsync(userId, jobId, new JobProgress(progress, eta, trial.BestScore, trial.Trial), CancellationToken.None);
    }

    public static string LearnerName(Learner learner) => learner switch
    {
        Learner.Constant => "constant",
        Learner.LightGbm => "lightgbm",
        Learner.FastTree => "fasttree",
        Learner.FastForest => "fastforest",
        Learner.Linear => "linear",
    };

    public async ValueTask DisposeAsync()
    {
        channel.Writer.TryComplete();
        await writer;
        await scope.DisposeAsync();
    }
}
