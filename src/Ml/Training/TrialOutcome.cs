namespace AutoMl.Ml.Training;

/// <summary>A finished trial: its score on the evaluation rows, its out-of-fold predictions and its fold models.</summary>
public sealed class TrialOutcome(int number, TrialConfig config, double score, double loss, double seconds, double[] predictions, IReadOnlyList<FittedModel> models)
{
    public int Number { get; } = number;

    public TrialConfig Config { get; } = config;

    public double Score { get; } = score;

    public double Loss { get; } = loss;

    public double Seconds { get; } = seconds;

    /// <summary>n×C predictions; only the plan's evaluation rows are filled. Dropped once the trial cannot join the ensemble.</summary>
    public double[]? Predictions { get; private set; } = predictions;

    public IReadOnlyList<FittedModel>? Models { get; private set; } = models;

    public void Forget()
    {
        Predictions = null;
        Models = null;
    }
}
