namespace AutoMl.Infrastructure.Queues;

public static class QueueNames
{
    public const string High = "high";
    public const string Normal = "normal";
    public const string Low = "low";

    public static readonly string[] All = [High, Normal, Low];
}
