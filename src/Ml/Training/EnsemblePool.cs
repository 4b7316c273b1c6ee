namespace AutoMl.Ml.Training;

/// <summary>
/// The trials ensemble selection may pick from. The global best alone are, after hundreds of steps around one
/// learner's best, near-copies of it; so the pool also keeps the best few of every learner family and every
/// portfolio configuration (H2O's "best of family", AutoGluon's zoo), which is where an ensemble's gain comes from.
/// </summary>
internal static class EnsemblePool
{
    private const int GlobalBest = 10;
    private const int PerFamily = 3;
    private const int LegacyCandidates = 20;

    /// <summary>The candidates, best first: trials with predictions, the constant model left out.</summary>
    public static List<TrialOutcome> Of(IEnumerable<TrialOutcome> trials, IReadOnlySet<int> portfolioTrials)
    {
        var ranked = trials.Where(t => t.Predictions is not null && t.Config.Learner != Learner.Constant).OrderBy(t => t.Loss).ToList();
        if (!Ablation.DiversePool)
        {
            return ranked.Take(LegacyCandidates).ToList();
        }

        var kept = new HashSet<TrialOutcome>(ranked.Take(GlobalBest), ReferenceEqualityComparer.Instance);
        foreach (var family in ranked.GroupBy(t => t.Config.Learner))
        {
            kept.UnionWith(family.Take(PerFamily));
        }

        kept.UnionWith(ranked.Where(t => portfolioTrials.Contains(t.Number)));
        return ranked.Where(kept.Contains).ToList();
    }

    /// <summary>Drops the predictions and models of trials that can no longer join the pool, to bound memory.</summary>
    public static void Prune(List<TrialOutcome> trials, IReadOnlySet<int> portfolioTrials)
    {
        var pool = new HashSet<TrialOutcome>(Of(trials, portfolioTrials), ReferenceEqualityComparer.Instance);
        foreach (var trial in trials.Where(t => t.Predictions is not null && t.Config.Learner != Learner.Constant && !pool.Contains(t)))
        {
            trial.Forget();
        }
    }
}
