using AutoMl.Domain.Accounts;
using AutoMl.Domain.Jobs;

namespace AutoMl.Domain.Queues;

/// <summary>Which queue a job waits on: paid tiers train and predict on the high queue; the free tier trains on normal and predicts on low.</summary>
public static class JobQueues
{
    public static QueueName For(Tier tier, JobKind kind) => (tier, kind) switch
    {
        (Tier.Free, JobKind.Train) => QueueName.Normal,
        (Tier.Free, JobKind.Predict) => QueueName.Low,
        _ => QueueName.High,
    };

    /// <summary>Upkeep (ingest, sweeps, reconciliation, mail) never delays a user's job.</summary>
    public const QueueName Upkeep = QueueName.Low;
}
