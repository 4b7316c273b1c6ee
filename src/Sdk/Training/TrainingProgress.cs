namespace AutoMl.Sdk;

/// <summary>Where <see cref="AutoMlClient.TrainAsync"/> has got to: the stage, and what the stage reports.</summary>
public sealed class TrainingProgress
{
    /// <summary>uploading, ingesting or training (<see cref="TrainingStages"/>).</summary>
    public string Stage { get; init; } = string.Empty;

    /// <summary>While uploading: the bytes sent so far.</summary>
    public long BytesSent { get; init; }

    /// <summary>The data set, once the upload has made it.</summary>
    public Guid? DatasetId { get; init; }

    /// <summary>The job, once submitted.</summary>
    public Guid? JobId { get; init; }

    /// <summary>While training: the job's event (queued, started, progress, trial completed, and the last one).</summary>
    public JobEvent? Event { get; init; }
}
