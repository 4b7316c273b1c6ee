namespace AutoMl.Domain.Jobs;

public enum JobStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
    Cancelled = 4,
}

public enum JobKind
{
    Train = 0,
    Predict = 1,

    /// <summary>Scores a model on a labelled data set of its owner's: priced and queued like a batch prediction.</summary>
    Evaluate = 2,
}
