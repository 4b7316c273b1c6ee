using System.Diagnostics;
using System.Globalization;
using AutoMl.Ml.Data;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Training;

namespace AutoMl.Bench.Engine;

internal static class TrainVerb
{
    public static async Task<int> RunAsync(Options options)
    {
        var watch = Stopwatch.StartNew();
        using var gc = new GcProbe();
        var train = options.Required("train");
        var modelPath = options.Required("model");
        var budget = TimeSpan.FromSeconds(options.Number("budget", 60));
        var work = Path.Combine(Path.GetTempPath(), "automl-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var parquet = Path.Combine(work, "train.parquet");
            await TabularReader.IngestAsync(train, parquet);
            var metric = options.Optional("metric") is { } m ? MetricInfo.Parse(m) : (MetricKind?)null;
            var remaining = budget - watch.Elapsed;
            var verbose = Environment.GetEnvironmentVariable("AUTOML_VERBOSE") == "1";
            var progress = verbose ? new SynchronousProgress(e => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  #{e.Trial,-3} {e.Learner,-10} {e.Score,10:0.#####} {e.TrialSeconds,6:0.00}s  at {e.ElapsedSeconds,6:0.0}s  best #{e.BestTrial} {e.BestScore:0.#####}  {string.Join(' ', e.Parameters.Select(p => $"{p.Key}={p.Value:G3}"))}"))) : null;
            var result = await AutoMlEngine.TrainAsync(new TrainingRequest
            {
                DataPath = parquet,
                Target = options.Required("target"),
                Budget = remaining,
                Metric = metric,
                Seed = (int)options.Number("seed", 0),
                Learners = Environment.GetEnvironmentVariable("AUTOML_LEARNERS") is { Length: > 0 } names
                    ? names.Split(',').Select(Enum.Parse<Learner>).ToList()
                    : null,
                RefitAfterCrossValidation = Environment.GetEnvironmentVariable("AUTOML_CV_REFIT") switch
                {
                    "1" => true,
                    "0" => false,
                    _ => null,
                },
            }, progress);
            var trained = watch.Elapsed;
            await using (var file = File.Create(modelPath))
            {
                result.Bundle.Save(file);
            }

            using var process = System.Diagnostics.Process.GetCurrentProcess();
            process.Refresh();
            var peak = process.PeakWorkingSet64 / 1073741824.0;
            var members = string.Join(" + ", result.Leaderboard.Where(l => l.EnsembleWeight > 0)
                .Select(l => $"{l.EnsembleWeight.ToString("0.00", CultureInfo.InvariantCulture)}×{l.Learner}#{l.Trial}"));
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"trained {result.Task} in {trained.TotalSeconds:0.0}s (saved at {watch.Elapsed.TotalSeconds:0.0}s): {result.TrialCount} trials, {result.Validation} {result.Metric} {result.Score:0.#####}, T={result.Temperature:0.###}, peak working set {peak:0.00} GiB, model {members}"));
            await Console.Error.WriteLineAsync("  " + gc.Summary());
            return 0;
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }
}
