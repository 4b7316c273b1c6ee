namespace AutoMl.Sdk;

/// <summary>What <see cref="AutoMlClient.TrainAsync"/> made: the data set, the finished job and, when it succeeded, its model.</summary>
public sealed class TrainingResult
{
    /// <summary>The data set the file became.</summary>
    public Dataset Dataset { get; init; } = new();

    /// <summary>The finished job: succeeded, failed (see <see cref="Job.Error"/>) or cancelled.</summary>
    public Job Job { get; init; } = new();

    /// <summary>The trained model; null unless the job succeeded.</summary>
    public Model? Model { get; init; }
}
