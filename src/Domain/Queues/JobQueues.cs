using AutoMl.Domain.Accounts;
using AutoMl.Domain.Jobs;

namespace AutoMl.Domain.Queues;

/// <summary>Which queue a job waits on: paid tiers train, predict and evaluate on the high queue; the free tier trains on normal
/// and predicts and evaluates on low.</summary>
public static class JobQueues
{
    public static QueueName For(Tier tier, JobKind kind) => (tier, kind) switch
    {
        (Tier.Free, JobKind.Train) => QueueName.Normal,
        (Tier.Free, JobKind.Predict or JobKind.Evaluate) => QueueName.Low,
        _ => QueueName.High,
    };

    /// <summary>Upkeep (ingest, sweeps, reconciliation, mail) never delays a user's job.</summary>
    public const QueueName Upkeep = QueueName.Low;
}
