namespace AutoMl.Sdk;

/// <summary>What to train: the body of a job submission and of a quote.</summary>
public sealed class JobRequest
{
    /// <summary>The data set to train on; it must be ready.</summary>
    public required Guid DatasetId { get; init; }

    /// <summary>
    /// Train on this version (<see cref="Dataset.Version"/>) of the data set <see cref="DatasetId"/> names (the id of any
    /// of its versions); null to train on <see cref="DatasetId"/> itself.
    /// </summary>
    public int? DatasetVersion { get; init; }

    /// <summary>The column to predict.</summary>
    public required string Target { get; init; }

    /// <summary>binary, multiclass or regression; null to let the platform infer it from the target.</summary>
    public string? Task { get; init; }

    /// <summary>The metric to optimise (auc, logloss, accuracy, f1, rmse, mae, r2…); null for the task's default.</summary>
    public string? Metric { get; init; }

    /// <summary>The training budget in seconds, 10 to 21,600 (the tier may allow less).</summary>
    public required int BudgetSeconds { get; init; }

    /// <summary>Columns to leave out of the features.</summary>
    public IReadOnlyList<string>? ExcludedColumns { get; init; }

    /// <summary>Columns the data checks would leave out (a suspected leak) that the job trains on anyway.</summary>
    public IReadOnlyList<string>? KeepColumns { get; init; }

    /// <summary>
    /// Train anyway when the only objection to the data is a warning (an <see cref="AutoMlApiException"/> with
    /// <see cref="AutoMlApiException.Overridable"/> set, e.g. a target that looks like an identifier). Problems that stop
    /// training, such as a target with a single value, are refused whatever this says.
    /// </summary>
    public bool Force { get; init; }

    /// <summary>
    /// A registered model of yours (<see cref="RegisteredModelsClient"/>): when the job succeeds its model becomes the
    /// next version, shown in <see cref="Job.RegisteredVersion"/>. No alias moves. Null to register nothing.
    /// </summary>
    public string? RegisteredModel { get; init; }
}
