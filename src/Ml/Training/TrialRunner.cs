using System.Diagnostics;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Metrics;
using Microsoft.ML;

namespace AutoMl.Ml.Training;

/// <summary>Trains one configuration on every fold of the plan and scores its out-of-fold predictions.</summary>
internal static class TrialRunner
{
    public static TrialOutcome Run(int number, TrainingData data, TrialConfig config, FoldPlan plan, MetricKind metric, Func<int, MLContext> contexts, int threads, int seed)
    {
        var watch = Stopwatch.StartNew();
        var predictions = new double[data.Rows * data.Width];
        var models = new FittedModel[plan.FoldCount];
        // Trainers run single-threaded and folds run side by side: measured on this 2-core machine, LightGBM with
        // two threads was 3-9× slower than with one (OpenMP barriers), FastForest 1.5× slower.
        var parallel = plan.FoldCount > 1 && threads > 1;
        void RunFold(int f)
        {
            var factory = new LearnerFactory(contexts(seed + f), 1, seed + f);
            var model = FitFold(factory, data, config, plan, f, seed + f);
            var valid = plan.Valid[f];
            var view = new FeatureDataView(data.Features, valid, null, LabelKind.None, data.ClassCount, data.HasText);
            var fold = model.Predict(view, valid.Length, data.Task, data.ClassCount);
            for (var i = 0; i < valid.Length; i++)
            {
                Array.Copy(fold, i * data.Width, predictions, valid[i] * data.Width, data.Width);
            }

            models[f] = model;
        }

        if (parallel)
        {
            TrainingThreads.For(plan.FoldCount, threads, RunFold);
        }
        else
        {
            for (var f = 0; f < plan.FoldCount; f++)
            {
                RunFold(f);
            }
        }

        var score = Scoring.Compute(metric, data.Task, data.Y, predictions, plan.EvaluationRows);
        if (double.IsNaN(score))
        {
            score = MetricInfo.HigherIsBetter(metric) ? double.MinValue : double.MaxValue;
        }

        return new TrialOutcome(number, config, score, MetricInfo.AsLoss(metric, score), watch.Elapsed.TotalSeconds, predictions, models);
    }

    /// <summary>Share of a fold's training rows set aside to early-stop LightGBM on.</summary>
    private const double StoppingShare = 0.15;

    /// <summary>
    /// LightGBM early-stops on an inner split of the fold's training rows: stopping on the rows it is then scored on
    /// flatters its out-of-fold score against the other learners and biases learner choice and ensemble weights
    /// toward it. Under cross-validation (small data) the fold's model is then fitted again on all its training rows
    /// with the rounds the inner split chose, so it is no weaker for the rows set aside; after a holdout search the
    /// refit on every row does that.
    /// </summary>
    internal static FittedModel FitFold(LearnerFactory factory, TrainingData data, TrialConfig config, FoldPlan plan, int f, int seed)
    {
        var train = plan.Train[f];
        if (config.Learner != Learner.LightGbm || !Ablation.InnerStopping)
        {
            return factory.Fit(data, config, train, plan.Valid[f]);
        }

        var shuffled = (int[])train.Clone();
        new Random(seed).Shuffle(shuffled);
        var held = (int)(shuffled.Length * StoppingShare);
        if (held < 10)
        {
            return factory.Fit(data, config, train, null);
        }

        var stopped = factory.Fit(data, config, shuffled[held..].Order().ToArray(), shuffled[..held].Order().ToArray());
        if (!plan.IsCrossValidation || HoldoutRefit.TreeCount(stopped.Transformers[0]) is not { } rounds)
        {
            return stopped;
        }

        var parameters = new Dictionary<string, double>(config.Parameters) { ["iterations"] = Math.Max(1, rounds) };
        return factory.Fit(data, config with { Parameters = parameters }, train, null);
    }
}
