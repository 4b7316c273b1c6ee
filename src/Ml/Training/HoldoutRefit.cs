using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace AutoMl.Ml.Training;

/// <summary>
/// The trials train on 80% of the rows (a holdout, or each fold of cross-validation). When the budget allows,
/// the ensemble's members are trained again on every row (LightGBM with the number of rounds early stopping
/// chose, their mean over the folds), so the model gains the held-out fifth of the data; a member not refitted
/// by the deadline keeps its holdout (or fold) models.
/// </summary>
internal static class HoldoutRefit
{
    /// <summary>Expected wall-clock of refitting these trials side by side: a little more than their trials took.</summary>
    public static TimeSpan Estimate(IEnumerable<TrialOutcome> trials, int threads, double rowsRatio)
    {
        var seconds = trials.Where(t => CanRefit(t.Config.Learner)).Select(t => t.Seconds * 1.3 * rowsRatio).OrderDescending().ToList();
        var lanes = new double[Math.Max(1, threads)];
        foreach (var s in seconds)
        {
            lanes[Array.IndexOf(lanes, lanes.Min())] += s;
        }

        return TimeSpan.FromSeconds(lanes.Max());
    }

    public static async Task<IReadOnlyList<FittedModel>?[]> RunAsync(IReadOnlyList<TrialOutcome> members, TrainingData data, int seed, int threads, TimeSpan timeLeft)
    {
        var results = new IReadOnlyList<FittedModel>?[members.Count];
        if (timeLeft <= TimeSpan.Zero)
        {
            return results;
        }

        var all = Enumerable.Range(0, data.Rows).ToArray();
        var contexts = new List<MLContext>();
        var stopped = false;
        var work = TrainingThreads.ForAsync(members.Count, Math.Max(1, threads), i =>
        {
            var config = FixedRounds(members[i]);
            if (config is null)
            {
                return;
            }

            var memberSeed = AutoMlEngine.TrialSeed(seed, members[i].Number);
            var ml = new MLContext(memberSeed);
            lock (contexts)
            {
                if (stopped)
                {
                    return;
                }

                contexts.Add(ml);
            }

            try
            {
                results[i] = [new LearnerFactory(ml, 1, memberSeed).Fit(data, config, all, null)];
            }
            catch (OperationCanceledException)
            {
                // Past the deadline: the holdout model stays.
            }
            catch (AggregateException)
            {
                // Past the deadline: the holdout model stays.
            }
        });

        if (await Task.WhenAny(work, Task.Delay(timeLeft)).ConfigureAwait(false) != work)
        {
            // Members not yet started must not start after the deadline either.
            lock (contexts)
            {
                stopped = true;
            }

            AutoMlEngine.CancelAll(contexts);
            var snapshot = (IReadOnlyList<FittedModel>?[])results.Clone();
            return snapshot;
        }

        return results;
    }

    public static bool CanRefit(Learner learner) => learner != Learner.Constant;

    /// <summary>The trial's configuration with LightGBM's rounds fixed at what early stopping kept; null when it cannot be refitted.</summary>
    private static TrialConfig? FixedRounds(TrialOutcome trial)
    {
        if (!CanRefit(trial.Config.Learner))
        {
            return null;
        }

        if (trial.Config.Learner != Learner.LightGbm)
        {
            return trial.Config;
        }

        // After cross-validation every fold stopped at its own round: the refit takes their mean.
        var trees = trial.Models!.Select(m => TreeCount(m.Transformers[0])).ToList();
        if (trees.Any(t => t is null))
        {
            return null;
        }

        var rounds = (int)Math.Round(trees.Average(t => t!.Value));
        var parameters = new Dictionary<string, double>(trial.Config.Parameters) { ["iterations"] = Math.Max(1, rounds) };
        return trial.Config with { Parameters = parameters };
    }

    internal static int? TreeCount(ITransformer transformer) =>
        transformer is ISingleFeaturePredictionTransformer<object> prediction ? TreeCount(prediction.Model) : null;

    /// <summary>
    /// The boosting rounds a model kept: its tree count, or for a multiclass (one-versus-all) LightGBM model
    /// the first class's tree count, since every round grows one tree per class.
    /// </summary>
    private static int? TreeCount(object model)
    {
        if (model is TreeEnsembleModelParametersBasedOnRegressionTree trees)
        {
            return trees.TrainedTreeEnsemble.Trees.Count;
        }

        var type = model.GetType();
        var sub = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name == "SubModel").Select(p => p.GetValue(model)).FirstOrDefault(v => v is not null);
        if (sub is not null)
        {
            return TreeCount(sub);
        }

        // OneVersusAllModelParameters keeps its per-class models in an internal property.
        return type.GetProperty("SubModelParameters", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(model) is System.Collections.IEnumerable perClass
            && perClass.Cast<object?>().FirstOrDefault() is { } first
            ? TreeCount(first)
            : null;
    }
}
