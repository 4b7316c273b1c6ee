using AutoMl.Domain.Queues;
using Hangfire;
using Hangfire.States;

namespace AutoMl.Infrastructure.Exports;

public static class ExportEnqueuer
{
    /// <summary>Background work: the low queue. If Redis loses the job, the export sweep enqueues it again.</summary>
    public static void Enqueue(IBackgroundJobClient jobs, Guid exportId) =>
        jobs.Create<IExportJob>(j => j.RunAsync(exportId, CancellationToken.None), new EnqueuedState(QueueNames.Low));
}
