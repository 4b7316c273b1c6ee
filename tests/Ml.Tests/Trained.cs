using AutoMl.Ml.Training;

namespace AutoMl.Ml.Tests;

/// <summary>Small models trained once and shared by the bundle and explanation tests.</summary>
public sealed class Trained
{
    public const string Collection = "trained models";

    private readonly Lazy<Task<TrainingResult>> _pima = new(() => TrainAsync("pima_diabetes.csv", "diabetes", [Learner.LightGbm, Learner.FastForest, Learner.Linear], effects: true));
    private readonly Lazy<Task<TrainingResult>> _boston = new(() => TrainAsync("boston.csv", "medv", [Learner.LightGbm, Learner.FastForest], effects: true));
    private readonly Lazy<Task<TrainingResult>> _penguins = new(() => TrainAsync("penguins.csv", "species", [Learner.LightGbm, Learner.FastForest], effects: true));

    public Task<TrainingResult> Pima => _pima.Value;

    public Task<TrainingResult> Boston => _boston.Value;

    public Task<TrainingResult> Penguins => _penguins.Value;

    /// <summary>
    /// A budget for tests that count trials: MaxTrials ends them, and the clock must not. CI runs the test assemblies side
    /// by side on two cores, where 60 s ran out before the fifth trial and a same-seed run came back one trial short.
    /// </summary>
    public static readonly TimeSpan CountedTrialsBudget = TimeSpan.FromMinutes(10);

    /// <param name="effects">Also the feature effects, as a training job adds them after the budget.</param>
    public static async Task<TrainingResult> TrainAsync(string file, string target, IReadOnlyList<Learner> learners, int maxTrials = 6, int seed = 0, TimeSpan? budget = null, bool effects = false)
    {
        var ingest = await TestData.IngestAsync(TestData.File(file));
        var result = await AutoMlEngine.TrainAsync(new TrainingRequest
        {
            DataPath = ingest.ParquetPath,
            Target = target,
            Budget = budget ?? TimeSpan.FromSeconds(60),
            MaxTrials = maxTrials,
            Learners = learners,
            Seed = seed,
        });
        return effects ? await AutoMlEngine.WithFeatureEffectsAsync(result, ingest.ParquetPath, TimeSpan.FromSeconds(6)) : result;
    }

    public static async Task<List<Dictionary<string, object?>>> RowsAsync(string file, int count)
    {
        var ingest = await TestData.IngestAsync(TestData.File(file));
        var frame = await Columns.ProcessedParquet.LoadAsync(ingest.ParquetPath);
        return Enumerable.Range(0, count)
            .Select(i => frame.Columns.ToDictionary(c => c.Name, c => c.ValueAt(i * frame.RowCount / count)))
            .ToList();
    }
}

[CollectionDefinition(Trained.Collection)]
public sealed class TrainedCollection : ICollectionFixture<Trained>
{
}
