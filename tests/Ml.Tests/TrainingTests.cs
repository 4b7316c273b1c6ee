using System.Diagnostics;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Schema;
using AutoMl.Ml.Training;

namespace AutoMl.Ml.Tests;

public class TrainingTests
{
    private static async Task<string> LetterAsync() => (await TestData.IngestAsync(TestData.File("letter_head2000.csv"))).ParquetPath;

    [Fact]
    public async Task a_five_second_budget_returns_a_model_within_six_seconds()
    {
        var data = await LetterAsync();
        var watch = Stopwatch.StartNew();

        var result = await AutoMlEngine.TrainAsync(new TrainingRequest { DataPath = data, Target = "lettr", Budget = TimeSpan.FromSeconds(5) });

        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"took {watch.Elapsed.TotalSeconds:0.00} s");
        Assert.Equal(TaskKind.Multiclass, result.Task);
        Assert.Equal(26, result.Classes.Count);
        // One trial at least: on a loaded CI machine (seven test projects side by side) a 26-class CV trial may take most of 5 s.
        Assert.True(result.TrialCount >= 1, $"{result.TrialCount} trials");
        Assert.True(result.Metrics["accuracy"] > 0.5, $"accuracy {result.Metrics["accuracy"]}");
    }

    [Fact]
    public async Task cancellation_stops_training_within_a_second()
    {
        var data = await LetterAsync();
        using var cancel = new CancellationTokenSource();
        var training = AutoMlEngine.TrainAsync(new TrainingRequest { DataPath = data, Target = "lettr", Budget = TimeSpan.FromSeconds(60) }, null, cancel.Token);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var watch = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => training);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task the_same_seed_gives_the_same_model()
    {
        var first = await Trained.TrainAsync("sonar.csv", "Class", [Learner.LightGbm, Learner.FastForest], maxTrials: 5, seed: 3, budget: Trained.CountedTrialsBudget);
        var second = await Trained.TrainAsync("sonar.csv", "Class", [Learner.LightGbm, Learner.FastForest], maxTrials: 5, seed: 3, budget: Trained.CountedTrialsBudget);
        var rows = await Trained.RowsAsync("sonar.csv", 10);

        Assert.Equal(first.Leaderboard.Select(l => (l.Trial, l.Score)), second.Leaderboard.Select(l => (l.Trial, l.Score)));
        Assert.Equal(
            rows.Select(r => first.Bundle.Predict(r).Probabilities!["R"]),
            rows.Select(r => second.Bundle.Predict(r).Probabilities!["R"]));
    }

    [Fact]
    public async Task every_finished_trial_is_reported_and_ranked_on_the_leaderboard()
    {
        var data = (await TestData.IngestAsync(TestData.File("pima_diabetes.csv"))).ParquetPath;
        var events = new List<TrialEvent>();

        var result = await AutoMlEngine.TrainAsync(
            new TrainingRequest { DataPath = data, Target = "diabetes", Budget = Trained.CountedTrialsBudget, MaxTrials = 6 },
            new InlineProgress(events.Add));

        Assert.Equal(result.TrialCount, events.Count);
        Assert.Equal(Enumerable.Range(0, 6), events.Select(e => e.Trial));
        Assert.Equal(Learner.Constant, events[0].Learner);
        Assert.Equal(0.5, events[0].Score, 6);
        Assert.All(events.Zip(events.Skip(1)), pair => Assert.True(pair.Second.BestScore >= pair.First.BestScore));
        Assert.Equal(events.Max(e => e.Score), result.Leaderboard[0].Score);
        Assert.Equal(1.0, result.Leaderboard.Sum(l => l.EnsembleWeight), 6);
        Assert.True(result.Score >= result.Leaderboard[0].Score - 1e-9, "the final model is at least as good as the best trial");
    }

    [Fact]
    public async Task binary_results_carry_the_metrics_and_curves_of_the_model_page()
    {
        var result = await Trained.TrainAsync("pima_diabetes.csv", "diabetes", [Learner.LightGbm], maxTrials: 4);

        Assert.Equal(MetricKind.Auc, result.Metric);
        Assert.Equal(["accuracy", "auc", "f1", "logLoss", "precision", "recall"], result.Metrics.Keys.Order());
        Assert.InRange(result.Metrics["auc"], 0.75, 1);
        Assert.Equal(("pos", "neg"), (result.Classes[1], result.Classes[0]));
        Assert.Equal((0.0, 0.0), (result.Curves.Roc![0].X, result.Curves.Roc[0].Y));
        Assert.Equal(1.0, result.Curves.Roc[^1].X, 6);
        Assert.Equal(768, result.Curves.Confusion!.Counts.Sum(r => r.Sum()));
        Assert.Contains(result.Importance, i => i.Column == "glucose");
        Assert.Equal("glucose", result.Importance[0].Column);
    }

    [Fact]
    public async Task a_user_chosen_metric_is_the_one_optimised()
    {
        var result = await Trained.TrainAsync("concrete.csv", "compressive_strength", [Learner.LightGbm], maxTrials: 3);
        var data = (await TestData.IngestAsync(TestData.File("concrete.csv"))).ParquetPath;

        var mae = await AutoMlEngine.TrainAsync(new TrainingRequest
        {
            DataPath = data,
            Target = "compressive_strength",
            Budget = TimeSpan.FromSeconds(60),
            MaxTrials = 3,
            Learners = [Learner.LightGbm],
            Metric = MetricKind.Mae,
        });

        Assert.Equal(MetricKind.Rmse, result.Metric);
        Assert.Equal(MetricKind.Mae, mae.Metric);
        Assert.Equal(mae.Metrics["mae"], mae.Score);
        Assert.True(mae.Metrics["r2"] > 0.8);
        Assert.NotNull(result.Curves.Residuals);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task after_cross_validation_the_ensemble_is_refitted_on_every_row_or_kept_as_the_fold_bag(bool refit)
    {
        var data = (await TestData.IngestAsync(TestData.File("pima_diabetes.csv"))).ParquetPath;

        var result = await AutoMlEngine.TrainAsync(new TrainingRequest
        {
            DataPath = data,
            Target = "diabetes",
            // Not 8 s: under a loaded machine (test projects run side by side) the refit of an 8 s run sometimes
            // found its reservation already spent, and a missed deadline rightly keeps the fold bag.
            Budget = TimeSpan.FromSeconds(20),
            Learners = [Learner.LightGbm],
            RefitAfterCrossValidation = refit,
        });

        Assert.Equal("5-fold cross-validation", result.Validation);
        var members = result.Bundle.Manifest.Members.Where(m => m.Learner != Learner.Constant).ToList();
        Assert.NotEmpty(members);
        // A member whose refit misses the deadline keeps its fold models, so with a refit at least one is refitted.
        if (refit)
        {
            Assert.Contains(members, m => m.FoldCount == 1);
        }
        else
        {
            Assert.All(members, m => Assert.Equal(5, m.FoldCount));
        }
        var rows = await Trained.RowsAsync("pima_diabetes.csv", 20);
        Assert.All(rows, r => Assert.InRange(result.Bundle.Predict(r).Probabilities!["pos"], 0, 1));
    }

    private sealed class InlineProgress(Action<TrialEvent> report) : IProgress<TrialEvent>
    {
        public void Report(TrialEvent value) => report(value);
    }
}
