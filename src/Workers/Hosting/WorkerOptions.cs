using AutoMl.Domain.Queues;

namespace AutoMl.Workers.Hosting;

/// <summary>The "Worker" section: which queues this process serves and with how many threads (e.g. --Worker:Queues=low --Worker:Count=1).</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    public string Queues { get; set; } = string.Join(',', QueueNames.All);
    public int Count { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>How far below the worker's own priority its training threads run (Worker__TrainingNice; 0: equal), so
    /// trial events, job pickup and heartbeats are not queued behind training on a busy machine.</summary>
    public int TrainingNice { get; set; } = 10;

    public string[] QueueList() =>
        Queues.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(q => q.ToLowerInvariant()).ToArray();
}
