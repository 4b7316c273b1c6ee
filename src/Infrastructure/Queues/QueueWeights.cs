using AutoMl.Domain.Queues;
namespace AutoMl.Infrastructure.Queues;

/// <summary>
/// The "AutoMl:QueueWeights" section: how many fetches each queue gets per round while all have work
/// (e.g. AutoMl__QueueWeights__High=6). A queue outside the three weighs 1.
/// </summary>
public sealed class QueueWeights
{
    public const string Section = "AutoMl:QueueWeights";

    public int High { get; set; } = 6;
    public int Normal { get; set; } = 3;
    public int Low { get; set; } = 1;

    public int WeightOf(string queue) => Math.Max(1, queue switch
    {
        QueueNames.High => High,
        QueueNames.Normal => Normal,
        QueueNames.Low => Low,
        _ => 1,
    });
}
