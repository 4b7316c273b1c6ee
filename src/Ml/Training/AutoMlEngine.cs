using System.Diagnostics;
using System.Reflection;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Schema;
using Microsoft.ML;

namespace AutoMl.Ml.Training;

/// <summary>
/// The AutoML search: from a processed Parquet and a target to an ensemble within a wall-clock budget
/// (counted from the call, loading included). A trial still running at the deadline or on cancellation
/// is abandoned (its ML.NET contexts are cancelled), so the call returns on time.
/// </summary>
public static class AutoMlEngine
{
    private const long LinearMulticlassCells = 100_000;
    private static readonly TimeSpan LeadersFirstBudget = TimeSpan.FromSeconds(30);

    public static async Task<TrainingResult> TrainAsync(TrainingRequest request, IProgress<TrialEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var watch = Stopwatch.StartNew();
        var budget = request.Budget <= TimeSpan.Zero ? TimeSpan.FromSeconds(1) : request.Budget;
        var reserve = TimeSpan.FromSeconds(Math.Clamp(budget.TotalSeconds * 0.1, 0.5, 10));
        var searchEnd = budget - reserve;

        var prepared = await RunAbandonable(() => PreparedData.LoadAsync(request, cancellationToken), static () => { }, TimeSpan.MaxValue, cancellationToken).ConfigureAwait(false);
        var data = prepared.Data;
        var metric = request.Metric ?? MetricInfo.Default(data.Task);
        if (!MetricInfo.Fits(metric, data.Task))
        {
            throw new ArgumentException($"The metric {metric} does not fit a {data.Task} task.", nameof(request));
        }

        var plan = FoldPlan.Create(data.Y, request.Seed, request.CrossValidationBelowRows);
        var threads = request.Threads ?? Environment.ProcessorCount;
        var learners = (request.Learners ?? [Learner.LightGbm, Learner.FastForest, Learner.Linear, Learner.FastTree])
            .Where(l => l != Learner.Constant && SearchSpace.Supports(l, data.Task, data.ClassCount))
            // A multiclass linear model passes over every row once per class and iteration: seconds on letter-sized
            // data for a model the trees beat by far, so it is left out there.
            .Where(l => !(l == Learner.Linear && data.Task == TaskKind.Multiclass && (long)data.Rows * data.ClassCount > LinearMulticlassCells))
            .ToList();
        // The well-known defaults go first unless the budget is so short that only the cheap round fits in it.
        var leaders = Portfolio.Leaders(data.Task, data.Rows, data.ClassCount).ToList();
        var leadersFirst = budget >= LeadersFirstBudget;
        var portfolio = Ablation.MetaPortfolio
            ? Portfolio.Interleave(
                MetaPortfolio.For(data.Task, data.Rows, prepared.Inputs, data.ClassCount, budget, plan.Train[0].Length, plan.FoldCount * (plan.IsCrossValidation ? 2 : 1)),
                Portfolio.For(data.Task, data.Rows, data.ClassCount).Where(c => c.Learner != Learner.LightGbm))
            : Portfolio.For(data.Task, data.Rows, data.ClassCount);
        if (Ablation.LogTarget && Portfolio.SuitsLogTarget(data.Task, data.Y))
        {
            portfolio = Portfolio.WithLogTwins(portfolio);
        }
        var search = new CfoSearch(learners, data.Rows, request.Seed, leadersFirst ? portfolio : leaders.Concat(portfolio), leadersFirst ? leaders : null);

        var trials = new List<TrialOutcome>();
        var portfolioTrials = new HashSet<int>();
        TrialOutcome? best = null;
        void Record(TrialOutcome outcome)
        {
            trials.Add(outcome);
            if (best is null || outcome.Loss < best.Loss)
            {
                best = outcome;
            }

            progress?.Report(new TrialEvent(outcome.Number, outcome.Config.Learner, outcome.Config.Parameters, metric, outcome.Score,
                outcome.Seconds, watch.Elapsed.TotalSeconds, best.Score, best.Number));
            EnsemblePool.Prune(trials, portfolioTrials);
        }

        // Trial 0 is the constant model: instant, so a model exists whatever happens next.
        var constant = LearnerFactory.FitConstant(data, plan.EvaluationRows);
        Record(ConstantOutcome(data, plan, metric, constant));

        // A holdout trial is one single-threaded fit, so trials run side by side to use every core; they are
        // proposed and reported in a fixed order, so a fixed trial count still gives the same model.
        var batchSize = plan.FoldCount == 1 ? Math.Max(1, threads) : 1;
        var number = 1;
        // On holdout data the search also leaves time to refit the likely ensemble members on every row. The
        // reservation is capped at 40% of the budget: at 30%, letter on a loaded machine refitted one member of
        // three after a last batch of trials had been abandoned half-way. A cross-validated trial fitted its folds
        // side by side, so one fit on every row costs about its time divided by the rounds of folds it ran, times
        // the larger share of rows.
        var refitRatio = (double)data.Rows / plan.Train[0].Length
            / (plan.IsCrossValidation ? Math.Ceiling((double)plan.FoldCount / Math.Max(1, threads)) : 1)
            // From the work queue, cross-validated trials share the cores with as many others as there are lanes.
            / (plan.IsCrossValidation && request.MaxTrials is null && Ablation.WorkQueue ? Math.Max(1, threads) : 1);
        var refit = FinalModel.Refits(plan, request, data.Rows);
        // Twice the estimate and at least 2% of the budget: the ensemble often has more members than the three
        // best trials the estimate counts, and with the bare estimate small cross-validated refits rarely finished.
        TimeSpan RefitTime() => !refit
            ? TimeSpan.Zero
            : TimeSpan.FromTicks(Math.Min(
                (long)(budget.Ticks * 0.4),
                Math.Max(
                    (long)(budget.Ticks * 0.02),
                    2 * HoldoutRefit.Estimate(trials.Where(t => t.Predictions is not null && t.Config.Learner != Learner.Constant).OrderBy(t => t.Loss).Take(3), threads, refitRatio).Ticks)));
        if (request.MaxTrials is null && Ablation.WorkQueue)
        {
            // Against the clock, a trial starts as soon as a lane frees: awaiting trials in batches left a fast trial's core
            // idle until its slow neighbour ended. Completion order then depends on timing, which a fixed trial count avoids.
            var lanes = Math.Max(1, threads);
            var running = new List<(TrialConfig Config, int Number, Task<TrialOutcome> Task, List<MLContext> Contexts)>();
            while (true)
            {
                while (running.Count < lanes && watch.Elapsed + RefitTime() < searchEnd)
                {
                    var config = search.Next(out var fromPortfolio);
                    var trial = number++;
                    if (fromPortfolio)
                    {
                        portfolioTrials.Add(trial);
                    }

                    var contexts = new List<MLContext>();
                    // Folds side by side within a trial too: two trials of five folds keep two cores busy through their last wave.
                    var foldThreads = plan.FoldCount > 1 ? lanes : 1;
                    var task = Task.Factory.StartNew(
                        () =>
                        {
                            _ = TrainingThreads.LowerCurrent();
                            return TrialRunner.Run(trial, data, config, plan, metric, seed => NewContext(contexts, seed), foldThreads, TrialSeed(request.Seed, trial));
                        },
                        CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                    running.Add((config, trial, task, contexts));
                }

                if (running.Count == 0)
                {
                    break;
                }

                var remaining = searchEnd - watch.Elapsed - RefitTime();
                if (!trials.Any(t => t.Config.Learner != Learner.Constant))
                {
                    // Nothing but the constant yet (a short budget on a loaded machine): the first real trial may use half
                    // the final reserve, since a constant model is no answer to anyone who paid for training.
                    remaining = budget - reserve / 2 - watch.Elapsed;
                }
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var deadline = Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, wake.Token);
                var first = await Task.WhenAny(running.Select(r => (Task)r.Task).Append(deadline)).ConfigureAwait(false);
                await wake.CancelAsync().ConfigureAwait(false);
                if (first == deadline)
                {
                    foreach (var abandoned in running)
                    {
                        CancelAll(abandoned.Contexts);
                        _ = abandoned.Task.ContinueWith(t => t.Exception, TaskScheduler.Default);
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    break;
                }

                foreach (var done in running.Where(r => r.Task.IsCompleted).ToList())
                {
                    running.Remove(done);
                    if (done.Task.IsCompletedSuccessfully)
                    {
                        search.Report(done.Config, done.Task.Result.Loss, done.Task.Result.Seconds);
                        Record(done.Task.Result);
                    }
                    else
                    {
                        // A trainer refusing a configuration.
                        _ = done.Task.Exception;
                        search.Report(done.Config, double.PositiveInfinity, 0);
                    }
                }
            }
        }

        while ((request.MaxTrials is not null || !Ablation.WorkQueue) && watch.Elapsed + RefitTime() < searchEnd && (request.MaxTrials is null || trials.Count < request.MaxTrials))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = request.MaxTrials is null ? batchSize : Math.Min(batchSize, request.MaxTrials.Value - trials.Count);
            var batch = new List<(TrialConfig Config, int Number)>();
            for (var i = 0; i < size; i++)
            {
                batch.Add((search.Next(out var fromPortfolio), number + i));
                if (fromPortfolio)
                {
                    portfolioTrials.Add(number + i);
                }
            }

            number += size;
            var contexts = new List<MLContext>();
            var perTrialThreads = Math.Max(1, threads / size);
            // Threads of their own: a trial holds its thread for seconds, and on the thread pool it would leave the host's
            // async work (a worker's trial events) waiting for the pool to grow (bench/platform.sh, BENCH_TRAINING_SECONDS).
            var tasks = batch.Select(b => Task.Factory.StartNew(
                () =>
                {
                    _ = TrainingThreads.LowerCurrent();
                    return TrialRunner.Run(b.Number, data, b.Config, plan, metric, seed => NewContext(contexts, seed), perTrialThreads, TrialSeed(request.Seed, b.Number));
                },
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
            var remaining = searchEnd - watch.Elapsed - RefitTime();
            var timedOut = false;
            try
            {
                await RunAbandonable(() => Task.WhenAll(tasks), () => CancelAll(contexts), request.MaxTrials is null ? remaining : TimeSpan.MaxValue, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                timedOut = true;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A trial that throws (a trainer refusing a configuration) is reported per trial below.
            }

            for (var i = 0; i < batch.Count; i++)
            {
                if (tasks[i].IsCompletedSuccessfully)
                {
                    search.Report(batch[i].Config, tasks[i].Result.Loss, tasks[i].Result.Seconds);
                    Record(tasks[i].Result);
                }
                else if (tasks[i].IsFaulted)
                {
                    search.Report(batch[i].Config, double.PositiveInfinity, 0);
                }
            }

            if (timedOut)
            {
                break;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return await FinalModel.BuildAsync(prepared, plan, metric, trials, EnsemblePool.Of(trials, portfolioTrials), best!, watch, request, budget - reserve, threads, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds partial dependence, ICE lines and a SHAP summary to a trained model, after its budget: they explain the
    /// model and never change it, so they take no search time from it. <paramref name="dataPath"/> is the processed file
    /// it was trained on; <paramref name="cap"/> bounds the curves and the SHAP summary each, and what it leaves out is named
    /// in the effects.
    /// </summary>
    public static async Task<TrainingResult> WithFeatureEffectsAsync(TrainingResult result, string dataPath, TimeSpan cap, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var bundle = await Explain.FeatureEffectsBuilder.AttachAsync(result.Bundle, dataPath, cap, cancellationToken).ConfigureAwait(false);
        return result with { Bundle = bundle };
    }

    /// <summary>The time a job gives its model's feature effects after a budget: a twentieth of it, 3 to 6 seconds.</summary>
    public static TimeSpan FeatureEffectsCap(TimeSpan budget) => TimeSpan.FromSeconds(Math.Clamp(budget.TotalSeconds * 0.05, 3, 6));

    /// <summary>A context for one fit of a trial, remembered so that abandoning the trial cancels it.</summary>
    private static MLContext NewContext(List<MLContext> contexts, int seed)
    {
        lock (contexts)
        {
            var context = new MLContext(seed);
            contexts.Add(context);
            return context;
        }
    }

    /// <summary>Waits for work, but no longer than the timeout or the token allow; the work is then cancelled and left behind.</summary>
    private static async Task<T> RunAbandonable<T>(Func<Task<T>> work, Action cancel, TimeSpan timeout, CancellationToken ct)
    {
        var task = work();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var wait = timeout == TimeSpan.MaxValue ? Task.Delay(Timeout.Infinite, stop.Token) : Task.Delay(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero, stop.Token);
        var first = await Task.WhenAny(task, wait).ConfigureAwait(false);
        if (first == task)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            return await task.ConfigureAwait(false);
        }

        cancel();
        _ = task.ContinueWith(t => t.Exception, TaskScheduler.Default);
        ct.ThrowIfCancellationRequested();
        throw new TimeoutException();
    }

    /// <summary>
    /// An MLContext's environment implements ML.NET's internal ICancelable; its trainers poll it and stop within
    /// milliseconds (measured: LightGBM, FastTree, FastForest, SDCA), so abandoned trials do not keep the cores busy.
    /// </summary>
    internal static void CancelAll(List<MLContext> contexts)
    {
        var field = typeof(MLContext).GetFields(BindingFlags.NonPublic | BindingFlags.Instance)
            .FirstOrDefault(f => f.FieldType.GetInterfaces().Any(i => i.Name == "ICancelable"));
        var cancel = field?.FieldType.GetInterfaces().First(i => i.Name == "ICancelable").GetMethod("CancelExecution");
        lock (contexts)
        {
            foreach (var context in contexts)
            {
                var environment = field?.GetValue(context);
                if (environment is not null)
                {
                    cancel?.Invoke(environment, null);
                }
            }
        }
    }

    private static TrialOutcome ConstantOutcome(TrainingData data, FoldPlan plan, MetricKind metric, FittedModel constant)
    {
        var predictions = new double[data.Rows * data.Width];
        foreach (var r in plan.EvaluationRows)
        {
            Array.Copy(constant.Constant!, 0, predictions, r * data.Width, data.Width);
        }

        var score = Scoring.Compute(metric, data.Task, data.Y, predictions, plan.EvaluationRows);
        var models = Enumerable.Repeat(constant, plan.FoldCount).ToList();
        return new TrialOutcome(0, new TrialConfig(Learner.Constant, new Dictionary<string, double>()), score, MetricInfo.AsLoss(metric, score), 0, predictions, models);
    }

    /// <summary>
    /// A seed of each trial's own, so that neighbouring configurations are not fitted on the same bagging and feature
    /// draws; still a function of the request's seed and the trial's number, so the same seed gives the same model.
    /// </summary>
    internal static int TrialSeed(int seed, int trial) => Ablation.TrialSeeds ? unchecked(seed + 7919 * trial) : seed;

    internal static bool IsTree(Learner learner) => learner is Learner.LightGbm or Learner.FastTree or Learner.FastForest;
}
