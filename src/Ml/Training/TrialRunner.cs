using System.Diagnostics;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Metrics;
using Microsoft.ML;

namespace AutoMl.Ml.Training;

/// <summary>Trains one configuration on every fold of the plan and scores its out-of-fold predictions.</summary>
internal static class TrialRunner
{
    public static TrialOutcome Run(int number, TrainingData data, TrialConfig config, FoldPlan plan, MetricKind metric, Func<MLContext> contexts, int threads, int seed)
    {
        var watch = Stopwatch.StartNew();
        var predictions = new double[data.Rows * data.Width];
        var models = new FittedModel[plan.FoldCount];
        // Trainers run single-threaded and folds run side by side: measured on this 2-core machine, LightGBM with
        // two threads was 3-9× slower than with one (OpenMP barriers), FastForest 1.5× slower.
        var parallel = plan.FoldCount > 1 && threads > 1;
        void RunFold(int f)
        {
            var factory = new LearnerFactory(contexts(), 1, seed + f);
            var model = factory.Fit(data, config, plan.Train[f], plan.Valid[f]);
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
            Parallel.For(0, plan.FoldCount, new ParallelOptions { MaxDegreeOfParallelism = threads }, RunFold);
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
}
