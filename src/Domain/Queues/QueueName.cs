namespace AutoMl.Domain.Queues;

/// <summary>
/// The Hangfire queues workers fetch from, by weight (ADR 4). The names are stored in jobs.queue and in Hangfire,
/// so they never change.
/// </summary>
public enum QueueName
{
    High = 0,
    Normal = 1,
    Low = 2,
}

public static class QueueNames
{
    public const string High = "high";
    public const string Normal = "normal";
    public const string Low = "low";

    public static readonly string[] All = [High, Normal, Low];

    public static string Name(this QueueName queue) => queue switch
    {
        QueueName.High => High,
        QueueName.Normal => Normal,
        QueueName.Low => Low,
        _ => throw new ArgumentOutOfRangeException(nameof(queue)),
    };

    public static bool TryParse(string? name, out QueueName queue)
    {
        switch (name)
        {
            case High: queue = QueueName.High; return true;
            case Normal: queue = QueueName.Normal; return true;
            case Low: queue = QueueName.Low; return true;
            default: queue = default; return false;
        }
    }
}
