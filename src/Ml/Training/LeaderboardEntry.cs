namespace AutoMl.Ml.Training;

/// <summary>One trial on the leaderboard, best first; <see cref="EnsembleWeight"/> is its share of the final model.</summary>
public sealed record LeaderboardEntry(int Rank, int Trial, Learner Learner, IReadOnlyDictionary<string, double> Parameters, double Score, double Seconds, double EnsembleWeight);
