using AutoMl.Domain.Queues;
using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Observability;
using AutoMl.Infrastructure.Queues;
using AutoMl.Workers.Email;
using Hangfire;

namespace AutoMl.Workers.Hosting;

internal static class WorkerServices
{
    public static IServiceCollection AddAutoMlWorker(this IServiceCollection services, IConfiguration configuration)
    {
        var worker = configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        var queues = worker.QueueList();
        var unknown = queues.Except(QueueNames.All).ToArray();
        if (queues.Length == 0 || unknown.Length > 0)
        {
            throw new InvalidOperationException($"Worker:Queues must name some of {string.Join(", ", QueueNames.All)}; got '{worker.Queues}'.");
        }
        AutoMl.Ml.Training.TrainingThreads.NiceIncrement = Math.Clamp(worker.TrainingNice, 0, 19);
        services.AddAutoMlHangfire(configuration.GetSection(QueueWeights.Section).Get<QueueWeights>());
        services.AddHangfireServer(o =>
        {
            o.Queues = queues;
            o.WorkerCount = Math.Max(1, worker.Count);
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            o.ShutdownTimeout = TimeSpan.FromSeconds(30);
        });
        services.AddSingleton(worker);
        services.AddHostedService<ReadinessReporter>();
        services.AddAutoMlObservability(configuration, "worker");
        services.AddWorkerSentry(configuration);
        services.AddEmailOutboxSender();
        // The links workers mail (a data export's) are signed with the API's key ring.
        services.AddAutoMlKeyRing(configuration);
        services.AddAutoMlWorkerJobs();
        return services;
    }
}
