using System.Diagnostics;
using AutoMl.Ml.Bundle;
using AutoMl.Ml.Explain;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Training;

/// <summary>After the search: ensemble selection, calibration, metrics, curves, the bundle and global importance.</summary>
internal static class FinalModel
{
    private const int ImportanceRows = 200;

    public static async Task<TrainingResult> BuildAsync(PreparedData prepared, FoldPlan plan, MetricKind metric, List<TrialOutcome> trials, List<TrialOutcome> candidates, TrialOutcome best,
        Stopwatch watch, TrainingRequest request, TimeSpan refitDeadline, int threads, CancellationToken ct)
    {
        var data = prepared.Data;
        var rows = plan.EvaluationRows;
        var t0 = watch.Elapsed;
        void Trace(string what)
        {
            if (Environment.GetEnvironmentVariable("AUTOML_TRACE") == "1")
            {
                Console.Error.WriteLine($"    final: {what} at {(watch.Elapsed - t0).TotalSeconds:0.000}s");
            }
        }
        int[] memberTrials = [best.Number];
        double[] weights = [1.0];
        if (candidates.Count >= 2)
        {
            var selection = EnsembleSelection.Select(candidates, data, rows, metric, ct: ct);
            if (selection.Loss < best.Loss)
            {
                memberTrials = selection.Trials;
                weights = selection.Weights;
            }
        }

        Trace("ensemble");
        var members = memberTrials.Select(n => trials.First(t => t.Number == n)).ToList();
        var blended = EnsembleSelection.Blend(members.Select(m => m.Predictions!).ToList(), weights);
        var temperature = 1.0;
        if (data.Task == TaskKind.Multiclass)
        {
            temperature = TemperatureScaling.Fit(data.Y, blended, rows, data.ClassCount);
            foreach (var r in rows)
            {
                TemperatureScaling.Apply(blended.AsSpan(r * data.Width, data.Width), temperature);
            }
        }

        ct.ThrowIfCancellationRequested();
        var metrics = Scoring.All(data.Task, data.Y, blended, rows);
        var score = Scoring.Compute(metric, data.Task, data.Y, blended, rows);
        var curves = CurveBuilder.Build(data.Task, prepared.Classes, data.Y, blended, rows);

        Trace("metrics");
        if (Refits(plan, request, data.Rows))
        {
            var refits = await HoldoutRefit.RunAsync(members, data, request.Seed, threads, refitDeadline - watch.Elapsed).ConfigureAwait(false);
            members = members.Select((m, i) => refits[i] is { } refit
                ? new TrialOutcome(m.Number, m.Config, m.Score, m.Loss, m.Seconds, m.Predictions!, refit)
                : m).ToList();
            Trace("refit " + refits.Count(r => r is not null) + "/" + refits.Length);
        }

        var trees = new List<IReadOnlyList<ShapEnsemble>>?[members.Count];
        Parallel.For(0, members.Count, i => trees[i] = ExtractTrees(members[i], data));
        var bundleMembers = members.Select((m, i) => new MemberModels(
            new BundleMember(m.Number, m.Config.Learner, weights[i], m.Config.Parameters, m.Models![0].Kind, m.Models.Count, m.Models[0].Transformers.Count, m.Models[0].Constant),
            m.Models,
            trees[i])).ToList();

        var manifest = new BundleManifest(EngineVersion.Major, EngineVersion.Current, data.Task, metric, request.Target, prepared.Classes, prepared.Inputs,
            prepared.Featurizer.Spec, bundleMembers.Select(b => b.Info).ToList(), temperature, [], metrics, 0, DateTimeOffset.UtcNow,
            FeatureMeans(data));
        Trace("trees");
        var draft = new ModelBundle(manifest, bundleMembers);
        Trace("draft");
        var importance = Importance(draft, prepared, TimeSpan.FromSeconds(Math.Clamp(request.Budget.TotalSeconds * 0.02, 0.05, 1)));
        Trace("importance");
        manifest = manifest with { Importance = importance, TrainingSeconds = watch.Elapsed.TotalSeconds };
        var bundle = new ModelBundle(manifest, bundleMembers);

        var weightOf = memberTrials.Select((n, i) => (n, w: weights[i])).ToDictionary(x => x.n, x => x.w);
        var leaderboard = trials.OrderBy(t => t.Loss).Select((t, i) => new LeaderboardEntry(
            i + 1, t.Number, t.Config.Learner, t.Config.Parameters, t.Score, t.Seconds, weightOf.GetValueOrDefault(t.Number))).ToList();
        return new TrainingResult(bundle, data.Task, metric, score, metrics, plan.Description, prepared.Classes, leaderboard, curves, importance,
            trials.Count, watch.Elapsed.TotalSeconds, temperature);
    }

    /// <summary>Rows from which a cross-validated search refits its members on every row unless told otherwise.</summary>
    public const int CrossValidationRefitRows = 2_000;

    /// <summary>
    /// Whether the ensemble's members are trained again on every row: always after a holdout search, after
    /// cross-validation as <see cref="TrainingRequest.RefitAfterCrossValidation"/> says (otherwise the members
    /// keep their fold models as a bag). A fixed trial count skips it, since a refit runs against the clock.
    /// </summary>
    public static bool Refits(FoldPlan plan, TrainingRequest request, int rows) =>
        request.MaxTrials is null
        && (!plan.IsCrossValidation || (request.RefitAfterCrossValidation ?? rows >= CrossValidationRefitRows));

    private static List<IReadOnlyList<ShapEnsemble>>? ExtractTrees(TrialOutcome trial, TrainingData data)
    {
        if (!AutoMlEngine.IsTree(trial.Config.Learner) || data.HasText)
        {
            return null;
        }

        var perFold = new List<IReadOnlyList<ShapEnsemble>>();
        foreach (var fold in trial.Models!)
        {
            var ensembles = new List<ShapEnsemble>();
            foreach (var transformer in fold.Transformers)
            {
                var extracted = TreeExtractor.Extract(transformer, data.Features);
                if (extracted is null)
                {
                    return null;
                }

                ensembles.AddRange(extracted);
            }

            perFold.Add(ensembles);
        }

        return perFold;
    }

    /// <summary>The training rows' mean of every feature: the background against which linear members are explained.</summary>
    private static double[]? FeatureMeans(TrainingData data)
    {
        if (data.HasText)
        {
            return null;
        }

        return data.Features.Columns.Select(column =>
        {
            double sum = 0;
            foreach (var v in column.AsSpan(0, data.Rows))
            {
                sum += v;
            }

            return data.Rows > 0 ? sum / data.Rows : 0;
        }).ToArray();
    }

    /// <summary>Mean |SHAP| per input column over a sample of training rows, cut short after a second on huge ensembles.</summary>
    private static List<FeatureImportance> Importance(ModelBundle bundle, PreparedData prepared, TimeSpan limit)
    {
        var data = prepared.Data;
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        var features = new float[data.Features.FeatureCount];
        var take = Math.Min(ImportanceRows, data.Rows);
        var counted = 0;
        for (var i = 0; i < take && watch.Elapsed < limit; i++)
        {
            var row = (int)((long)i * data.Rows / take);
            data.Features.CopyRow(row, features);
            var classIndex = data.Task == TaskKind.Multiclass ? (int)data.Y[row] : 0;
            var shap = bundle.ShapOfFeatures(features, classIndex);
            if (shap is null)
            {
                return [];
            }

            foreach (var (column, value) in bundle.FoldOntoColumns(shap.Value.Values))
            {
                totals[column] = totals.GetValueOrDefault(column) + Math.Abs(value);
            }

            counted++;
        }

        if (counted == 0)
        {
            return [];
        }

        var sum = totals.Values.Sum();
        return totals.OrderByDescending(t => t.Value)
            .Select(t => new FeatureImportance(t.Key, t.Value / counted, sum > 0 ? t.Value / sum : 0))
            .ToList();
    }
}
