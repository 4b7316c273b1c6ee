using AutoMl.Ml.Metrics;

namespace AutoMl.Ml.Training;

/// <summary>Reported after every finished trial.</summary>
public sealed record TrialEvent(
    int Trial,
    Learner Learner,
    IReadOnlyDictionary<string, double> Parameters,
    MetricKind Metric,
    double Score,
    double TrialSeconds,
    double ElapsedSeconds,
    double BestScore,
    int BestTrial);
