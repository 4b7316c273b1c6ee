using System.Reflection;
using AutoMl.Ml.Schema;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace AutoMl.Ml.Training;

/// <summary>
/// On large data the trials train on 80% of the rows. When the budget allows, the ensemble's members are
/// trained again on every row (LightGBM with the number of rounds early stopping chose), so the model
/// gains the holdout's fifth of the data; a member not refitted by the deadline keeps its holdout model.
/// </summary>
internal static class HoldoutRefit
{
    /// <summary>Expected wall-clock of refitting these trials side by side: a little more than their trials took.</summary>
    public static TimeSpan Estimate(IEnumerable<TrialOutcome> trials, TaskKind task, int threads, double rowsRatio)
    {
        var seconds = trials.Where(t => CanRefit(t.Config.Learner, task)).Select(t => t.Seconds * 1.3 * rowsRatio).OrderDescending().ToList();
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
        var work = Task.Run(() => Parallel.For(0, members.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
        {
            var config = FixedRounds(members[i], data.Task);
            if (config is null)
            {
                return;
            }

            var ml = new MLContext(seed);
            lock (contexts)
            {
                contexts.Add(ml);
            }

            try
            {
                results[i] = [new LearnerFactory(ml, 1, seed).Fit(data, config, all, null)];
            }
            catch (OperationCanceledException)
            {
                // Past the deadline: the holdout model stays.
            }
            catch (AggregateException)
            {
                // Past the deadline: the holdout model stays.
            }
        }));

        if (await Task.WhenAny(work, Task.Delay(timeLeft)).ConfigureAwait(false) != work)
        {
            AutoMlEngine.CancelAll(contexts);
            var snapshot = (IReadOnlyList<FittedModel>?[])results.Clone();
            return snapshot;
        }

        return results;
    }

    /// <summary>Multiclass LightGBM models do not expose their per-class rounds, so they keep their holdout model.</summary>
    public static bool CanRefit(Learner learner, TaskKind task) =>
        learner != Learner.Constant && !(learner == Learner.LightGbm && task == TaskKind.Multiclass);

    /// <summary>The trial's configuration with LightGBM's rounds fixed at what early stopping kept; null when it cannot be refitted.</summary>
    private static TrialConfig? FixedRounds(TrialOutcome trial, TaskKind task)
    {
        if (!CanRefit(trial.Config.Learner, task))
        {
            return null;
        }

        if (trial.Config.Learner != Learner.LightGbm)
        {
            return trial.Config;
        }

        var trees = TreeCount(trial.Models![0].Transformers[0]);
        if (trees is null)
        {
            return null;
        }

        var parameters = new Dictionary<string, double>(trial.Config.Parameters) { ["iterations"] = Math.Max(1, trees.Value) };
        return trial.Config with { Parameters = parameters };
    }

    private static int? TreeCount(ITransformer transformer)
    {
        if (transformer is not ISingleFeaturePredictionTransformer<object> prediction)
        {
            return null;
        }

        var model = prediction.Model;
        var sub = model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name == "SubModel").Select(p => p.GetValue(model)).FirstOrDefault(v => v is not null);
        return (sub ?? model) is TreeEnsembleModelParametersBasedOnRegressionTree trees ? trees.TrainedTreeEnsemble.Trees.Count : null;
    }
}
