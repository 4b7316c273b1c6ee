using AutoMl.Domain.Queues;

namespace AutoMl.Workers.Hosting;

/// <summary>The "Worker" section: which queues this process serves and with how many threads (e.g. --Worker:Queues=low --Worker:Count=1).</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    public string Queues { get; set; } = string.Join(',', QueueNames.All);
    public int Count { get; set; } = Math.Max(1, Environment.ProcessorCount);

    public string[] QueueList() =>
        Queues.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(q => q.ToLowerInvariant()).ToArray();
}
