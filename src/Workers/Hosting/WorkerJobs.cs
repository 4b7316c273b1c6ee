using AutoMl.Domain.Queues;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Queues;
using AutoMl.Infrastructure.Registry;
using AutoMl.Workers.Alerts;
using AutoMl.Workers.Credits;
using AutoMl.Workers.Datasets;
using AutoMl.Workers.Jobs;
using Hangfire;

namespace AutoMl.Workers.Hosting;

internal static class WorkerJobs
{
    /// <summary>The job implementations Hangfire resolves; also used by tests that run a worker in-process.</summary>
    public static IServiceCollection AddAutoMlWorkerJobs(this IServiceCollection services)
    {
        services.AddScoped<IIngestDatasetJob, IngestDatasetJob>();
        services.AddScoped<IngestSweeper>();
        services.AddScoped<DatasetLifecycleJob>();
        services.AddScoped<PredictionLogMaintenance>();
        services.AddScoped<EndpointMonitor>();
        services.AddScoped<JobRun>();
        services.AddScoped<ITrainJob, TrainJob>();
        services.AddScoped<IPredictJob, PredictJob>();
        services.AddScoped<IEvaluateJob, EvaluateJob>();
        services.AddScoped<IRunJob, RunJob>();
        services.AddScoped<JobClaim>();
        services.AddScoped<JobFailure>();
        services.AddScoped<ReconciliationJob>();
        services.AddScoped<Audit.AuditArchiveJob>();
        services.AddScoped<HoldReconciliation>();
        services.AddScoped<Workflows.WorkflowEvaluation>();
        services.AddScoped<Infrastructure.Workflows.IWorkflowScheduleJob, Workflows.WorkflowScheduleJob>();
        services.AddScoped<Infrastructure.Workflows.IWorkflowVersionJob, Workflows.WorkflowVersionJob>();
        services.AddScoped<Workflows.WorkflowSweep>();
        services.AddPlatformAlerts();
        services.AddScoped<Infrastructure.Exports.IExportJob, Exports.ExportJob>();
        services.AddScoped<Exports.ExportContents>();
        services.AddScoped<Exports.ExportSweep>();
        services.AddSingleton<IHostJobFilter, DeadJobRefundFilter>();
        services.AddHostedService<JobDispatcher>();
        services.AddHostedService<RecurringJobsRegistrar>();
        return services;
    }
}

/// <summary>Registers the recurring jobs when a worker starts (idempotent: Hangfire updates them by id).</summary>
internal sealed class RecurringJobsRegistrar(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<IngestSweeper>("datasets:ingest-sweep", QueueNames.Low, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<ReconciliationJob>("credits:reconcile", QueueNames.Low, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        recurring.AddOrUpdate<DatasetLifecycleJob>("datasets:lifecycle", QueueNames.Low, j => j.RunAsync(CancellationToken.None), Cron.Daily(3));
        recurring.AddOrUpdate<EndpointMonitor>("endpoints:monitor", QueueNames.Low, j => j.RunAsync(CancellationToken.None), Cron.Hourly(5));
        recurring.AddOrUpdate<Workflows.WorkflowSweep>("workflows:sweep", QueueNames.Low, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<Audit.AuditArchiveJob>("audit:archive", QueueNames.Low, j => j.RunAsync(CancellationToken.None), Cron.Daily(2));
        recurring.AddOrUpdate<PlatformAlertsJob>(PlatformAlertsJob.RecurringId, QueueNames.Low, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<Exports.ExportSweep>("exports:sweep", QueueNames.Low, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<PredictionLogMaintenance>("predictions:log-upkeep", QueueNames.Low, j => j.RunAsync(CancellationToken.None), Cron.Daily(4));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
