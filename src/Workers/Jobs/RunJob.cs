using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Jobs;

/// <summary>
/// Runs a delivery of <see cref="IRunJob"/>, stored in Redis by a version before training and prediction became
/// separate Hangfire jobs: it hands the job to the one of its kind. Its retries come back here, and
/// <see cref="DeadJobRefundFilter"/> refunds it when they run out, as before.
/// </summary>
internal sealed class RunJob(AutoMlDbContext db, IServiceProvider services) : IRunJob
{
    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var kind = await db.Jobs.Where(j => j.Id == jobId).Select(j => (JobKind?)j.Kind).SingleOrDefaultAsync(cancellationToken);
        switch (kind)
        {
            case JobKind.Train:
                await services.GetRequiredService<ITrainJob>().RunAsync(jobId, cancellationToken);
                break;
            case JobKind.Predict:
                await services.GetRequiredService<IPredictJob>().RunAsync(jobId, cancellationToken);
                break;
            case JobKind.Evaluate:
                await services.GetRequiredService<IEvaluateJob>().RunAsync(jobId, cancellationToken);
                break;
            default:
                // The job's row is gone (its account was deleted): nothing to run.
                break;
        }
    }
}
