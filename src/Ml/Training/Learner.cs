namespace AutoMl.Ml.Training;

public enum Learner
{
    /// <summary>Class priors or the mean: the instant fallback that makes "always a model" true.</summary>
    Constant,
    LightGbm,
    FastTree,
    FastForest,
    Linear,
}
